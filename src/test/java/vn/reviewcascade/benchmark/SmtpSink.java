package vn.reviewcascade.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP server on a free loopback port that keeps nothing but how often each mail arrived, by the outbox's key
 * header. A benchmark of the application's delivery rate needs a server that does not slow down as it fills: GreenMail
 * finds each recipient's mailbox by a linear scan under one lock, so 50,000 addresses halved the rate measured.
 */
final class SmtpSink implements AutoCloseable {

    private static final String KEY_HEADER = "x-review-cascade-key:";

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final Map<String, Integer> arrivals = new ConcurrentHashMap<>();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many times each mail (by its outbox key) arrived. */
    Map<String, Integer> arrivals() {
        return Map.copyOf(arrivals);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.ISO_8859_1)) {
            reply(out, "220 sink");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                if (verb.equals("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    String key = null;
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        if (key == null && data.toLowerCase(Locale.ROOT).startsWith(KEY_HEADER)) {
                            key = data.substring(KEY_HEADER.length()).trim();
                        }
                    }
                    arrivals.merge(String.valueOf(key), 1, Integer::sum);
                    reply(out, "250 accepted");
                } else if (verb.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    // EHLO, MAIL, RCPT, RSET, NOOP: everything is accepted.
                    reply(out, "250 ok");
                }
            }
        } catch (IOException closed) {
            // The client went away: nothing to keep.
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
