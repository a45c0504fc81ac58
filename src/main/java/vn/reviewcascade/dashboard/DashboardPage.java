package vn.reviewcascade.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organising board's dashboard page, at /dashboard. It uses the login of Camunda's webapps: a visitor without
 * one is sent to Tasklist's login form (whose header links back here), never shown the page (see the web package's
 * security chain). The page itself is static (static/dashboard/) and reads everything through the API, which
 * checks the same login again.
 */
@Controller
class DashboardPage {

    @GetMapping({"/dashboard", "/dashboard/"})
    String page() {
        return "forward:/dashboard/index.html";
    }
}
