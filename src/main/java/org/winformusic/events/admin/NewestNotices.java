package org.winformusic.events.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The notices a redirect carries to the next page (flash attributes, kept in the staff
 * session): when several wait for the same page, the newest one is the one shown.
 * <p>
 * Spring keeps every flash map until it is read or times out, and gives the page the
 * oldest that matches. A redirect the browser never followed (a double tap on a slow
 * connection, whose second tap answered with a page of its own) left its notice behind,
 * and the next action's page then showed that one: "Listo: se registró a Amparo" after
 * adding Nellie, with Amparo's door code. An older notice for the same page is dropped
 * when a newer one is saved.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class NewestNotices extends SessionFlashMapManager {

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		List<FlashMap> newest = new ArrayList<>();
		for (int i = flashMaps.size() - 1; i >= 0; i--) {
			FlashMap map = flashMaps.get(i);
			if (newest.stream().noneMatch((kept) -> sameTarget(kept, map))) {
				newest.add(0, map);
			}
		}
		super.updateFlashMaps(newest, request, response);
	}

	private static boolean sameTarget(FlashMap one, FlashMap other) {
		return Objects.equals(one.getTargetRequestPath(), other.getTargetRequestPath())
				&& one.getTargetRequestParams().equals(other.getTargetRequestParams());
	}

}
