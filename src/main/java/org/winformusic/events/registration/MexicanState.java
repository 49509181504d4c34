package org.winformusic.events.registration;

/**
 * The 32 federal entities of Mexico by their ISO 3166-2:MX code (without the {@code MX-}
 * prefix), and {@link #OUTSIDE_MX}. Names come from the message files ({@code state.CMX},
 * ...).
 */
enum MexicanState {

	AGU, BCN, BCS, CAM, CHP, CHH, CMX, COA, COL, DUR, GUA, GRO, HID, JAL, MEX, MIC, MOR, NAY, NLE, OAX, PUE, QUE, ROO,
	SLP, SIN, SON, TAB, TAM, TLA, VER, YUC, ZAC,
	/** Registrants from outside Mexico. */
	OUTSIDE_MX

}
