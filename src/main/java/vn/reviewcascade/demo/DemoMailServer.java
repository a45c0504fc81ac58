package vn.reviewcascade.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import vn.reviewcascade.security.AccessDeniedException;
import vn.reviewcascade.security.UnitAccess;

/**
 * The demo profile's own SMTP server, so a new user sees mails arrive without installing anything, and a
 * page that lists what it received: {@code /api/demo/mailbox}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoMailServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpServer(@Value("${spring.mail.port}") int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @RestController
    @Profile("demo")
    static class Mailbox {

        private final GreenMail server;
        private final UnitAccess access;

        Mailbox(GreenMail server, UnitAccess access) {
            this.server = server;
            this.access = access;
        }

        @GetMapping(path = "/api/demo/mailbox", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
        String mailbox() throws MessagingException, IOException {
            if (!access.isAdministrator()) {
                throw new AccessDeniedException("Chỉ quản trị viên được xem hộp thư demo");
            }
            List<MimeMessage> messages = new ArrayList<>(Arrays.asList(server.getReceivedMessages()));
            Collections.reverse(messages);
            StringBuilder page = new StringBuilder("""
                    <!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>Hộp thư demo</title>
                    <style>body{font-family:Arial,sans-serif;margin:2em}article{border:1px solid #ccc;padding:1em;margin:1em 0}
                    pre{white-space:pre-wrap}small{color:#666}</style></head><body>
                    <h1>Hộp thư demo</h1><p>Thư máy chủ thư của bản demo đã nhận, mới nhất trước (mỗi người nhận một bản).
                    Tải lại trang để xem thư mới.</p>""");
            page.append("<p>").append(messages.size()).append(" thư.</p>");
            for (MimeMessage message : messages) {
                page.append("<article><h3>").append(HtmlUtils.htmlEscape(message.getSubject(), "UTF-8")).append("</h3><small>Gửi đến: ")
                        .append(HtmlUtils.htmlEscape(recipients(message), "UTF-8")).append(" · ")
                        .append(message.getSentDate()).append("</small><pre>")
                        .append(HtmlUtils.htmlEscape(String.valueOf(text(message)), "UTF-8")).append("</pre></article>");
            }
            return page.append("</body></html>").toString();
        }

        private static String recipients(MimeMessage message) throws MessagingException {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? "" : String.join(", ", Arrays.stream(to).map(Address::toString).toList());
        }

        private static String text(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = text(multipart.getBodyPart(i));
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
