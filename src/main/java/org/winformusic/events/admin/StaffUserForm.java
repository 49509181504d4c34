package org.winformusic.events.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.winformusic.events.shared.SingleLine;

/**
 * A new staff account as an ADMIN types it on {@code /admin/users}. The role is checked
 * by the controller against {@link StaffRole}.
 */
record StaffUserForm(
		@NotBlank(message = "{staffforms.users.email}") @Size(max = 254, message = "{staffforms.users.email}") @Pattern(
				regexp = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*",
				message = "{staffforms.users.email}") @SingleLine String email,
		@NotBlank(message = "{staffforms.users.name}") @Size(max = 120,
				message = "{staffforms.users.name}") @SingleLine String displayName,
		String role) {

	/**
	 * The empty form. No role is chosen beforehand: an admin who forgot the list would
	 * otherwise give a door volunteer an organizer's access to everyone's data.
	 */
	static StaffUserForm blank() {
		return new StaffUserForm("", "", "");
	}

}
