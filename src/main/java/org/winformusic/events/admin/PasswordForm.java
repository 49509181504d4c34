package org.winformusic.events.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A staff member changing their own password on {@code /admin/profile}. The page never
 * shows these values again.
 */
record PasswordForm(String currentPassword,
		@NotNull(message = "{admin.profile.tooShort}") @Size(min = StaffPasswords.MIN_PASSWORD_LENGTH,
				message = "{admin.profile.tooShort}") @Size(max = StaffPasswords.MAX_PASSWORD_LENGTH,
						message = "{staffforms.profile.tooLong}") String newPassword,
		String confirmPassword) {

	static PasswordForm blank() {
		return new PasswordForm(null, null, null);
	}

}
