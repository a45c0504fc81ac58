package vn.reviewcascade.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import vn.reviewcascade.Vietnam;
import vn.reviewcascade.security.AccessDeniedException;
import vn.reviewcascade.security.UnitAccess;

/**
 * The demo profile's own SMTP server, so a new user sees mails arrive without installing anything, and a
 * page that lists what it received: {@code /api/demo/mailbox}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnClass(name = DemoMailServer.GREENMAIL)
class DemoMailServer {

    static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpServer(@Value("${spring.mail.port}") int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @RestController
    @Profile("demo")
    @ConditionalOnClass(name = GREENMAIL)
    static class Mailbox {

        private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")
                .withZone(Vietnam.ZONE);

        private final GreenMail server;
        private final UnitAccess access;

        Mailbox(GreenMail server, UnitAccess access) {
            this.server = server;
            this.access = access;
        }

        /** One entry per mail with all its recipients, newest first, times in Vietnam. */
        @GetMapping(path = "/api/demo/mailbox", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
        String mailbox() throws MessagingException, IOException {
            if (!access.isAdministrator()) {
                throw new AccessDeniedException("Chỉ quản trị viên được xem hộp thư demo");
            }
            // The server keeps a copy per recipient: copies of one mail share its Message-ID.
            Map<String, Received> mails = new LinkedHashMap<>();
            MimeMessage[] messages = server.getReceivedMessages();
            for (int i = 0; i < messages.length; i++) {
                MimeMessage message = messages[i];
                String id = message.getMessageID() == null ? "#" + i : message.getMessageID();
                Received mail = mails.computeIfAbsent(id, key -> new Received(message, new LinkedHashSet<>()));
                mail.recipients().addAll(recipients(message));
            }
            List<Received> newestFirst = new ArrayList<>(mails.values());
            Collections.reverse(newestFirst);
            newestFirst.sort(Comparator.comparing(Received::sent, Comparator.nullsLast(Comparator.reverseOrder())));
            StringBuilder page = new StringBuilder("""
                    <!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>Hộp thư demo</title>
                    <style>body{font-family:Arial,sans-serif;margin:2em}article{border:1px solid #ccc;padding:1em;margin:1em 0}
                    pre{white-space:pre-wrap}small{color:#666}</style></head><body>
                    <h1>Hộp thư demo</h1><p>Thư máy chủ thư của bản demo đã nhận, mới nhất trước; giờ Việt Nam.
                    Tải lại trang để xem thư mới.</p>""");
            page.append("<p>").append(newestFirst.size()).append(" thư.</p>");
            for (Received mail : newestFirst) {
                page.append("<article><h3>").append(escape(mail.message().getSubject())).append("</h3><small>Gửi đến: ")
                        .append(escape(String.join(", ", mail.recipients()))).append(" · lúc ")
                        .append(mail.sent() == null ? "không rõ" : SENT.format(mail.sent())).append("</small><pre>")
                        .append(escape(String.valueOf(text(mail.message())))).append("</pre></article>");
            }
            return page.append("</body></html>").toString();
        }

        private record Received(MimeMessage message, Set<String> recipients) {
            Instant sent() {
                try {
                    return message.getSentDate() == null ? null : message.getSentDate().toInstant();
                } catch (MessagingException e) {
                    return null;
                }
            }
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
        }

        private static List<String> recipients(MimeMessage message) throws MessagingException {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
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
