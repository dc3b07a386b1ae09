package dev.menagerie.api.admin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page (or a small web application) served on the admin port under the path in its {@link #PATH} service
 * property. Requests arrive on the admin server's request threads, several at once; a handler must not block for
 * long, as the pool is small and shared with the admin commands.
 */
@ConsumerType
public interface AdminPage {

    /**
     * Service property, a String: where the page is mounted, such as {@code /console}. It starts with {@code /},
     * has no trailing {@code /}, and must not be the command URL or lie under it. The page receives that path and
     * everything below it.
     */
    String PATH = "admin.page.path";

    /**
     * Answers one request. A RuntimeException is logged by the admin server and answered with HTTP 500.
     */
    AdminPageResponse handle(AdminPageRequest request);
}
