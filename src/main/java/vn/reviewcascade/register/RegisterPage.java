package vn.reviewcascade.register;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The document registers' page (Sổ văn bản), at /registers: per unit, the documents it issued and those it received,
 * searched and paged, with their files and signatures, and the upload of a PDF signed with a leader's token. Like the
 * dashboard it uses the login of Camunda's webapps, is static (static/registers/) and reads everything through the API.
 */
@Controller
class RegisterPage {

    @GetMapping({"/registers", "/registers/"})
    String page() {
        return "forward:/registers/index.html";
    }
}
