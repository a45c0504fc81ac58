package vn.reviewcascade.web;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organising board's dashboard page, at /dashboard. It uses the login of Camunda's webapps: a visitor without
 * one is sent to Tasklist's login form (whose header links back here), never shown the page. The page itself is
 * static (static/dashboard/) and reads everything through the API, which checks the same login again.
 */
@Controller
class DashboardPage {

    static final String LOGIN = "/camunda/app/tasklist/default/";

    private final String engineName;

    DashboardPage(ProcessEngine engine) {
        this.engineName = engine.getName();
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String page(HttpServletRequest request) {
        return WebappSessions.user(request, engineName).isPresent() ? "forward:/dashboard/index.html" : "redirect:" + LOGIN;
    }
}
