package vn.reviewcascade.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organising board's dashboard page, at /dashboard. It uses the login of Camunda's webapps: a visitor without
 * one is sent to {@link #LOGIN}, Tasklist's login form (whose header links back here), never shown the page (see
 * {@link WebSecurity}). The page itself is static (static/dashboard/) and reads everything through the API, which
 * checks the same login again.
 */
@Controller
class DashboardPage {

    static final String LOGIN = "/camunda/app/tasklist/default/";

    @GetMapping({"/dashboard", "/dashboard/"})
    String page() {
        return "forward:/dashboard/index.html";
    }
}
