package org.winformusic.events.registration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose pages sit behind a manage link ({@code /r/{token}/...}): a
 * token that leads nowhere gets the one "this link is no longer valid" page with the
 * "email me my link" form, whichever of them it was for (the manage page, or the
 * data-rights pages of the privacy module).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BehindManageLink {

}
