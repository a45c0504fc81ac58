package vn.reviewcascade.office;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organising board's office page (Văn phòng đợt báo cáo), at /office: start, follow and end campaigns, register
 * plans, import users. Like the dashboard it uses the login of Camunda's webapps (a visitor without one is sent to
 * Tasklist's login form), is static (static/office/) and does everything through the API, which checks who may.
 */
@Controller
class OfficePage {

    @GetMapping({"/office", "/office/"})
    String page() {
        return "forward:/office/index.html";
    }
}
