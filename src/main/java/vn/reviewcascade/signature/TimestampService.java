package vn.reviewcascade.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** An RFC 3161 timestamp service, asked over HTTP for a token on a signature's value (PAdES baseline T). */
final class TimestampService {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;

    TimestampService(URI url) {
        this.url = url;
    }

    TimeStampToken stamp(byte[] signatureValue) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256,
                    MessageDigest.getInstance("SHA-256").digest(signatureValue), new BigInteger(64, RANDOM));
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Dịch vụ cấp dấu thời gian " + url + " trả lời HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException("Dịch vụ cấp dấu thời gian " + url + " từ chối: " + response.getStatusString());
            }
            return response.getTimeStampToken();
        } catch (IOException | TSPException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Không lấy được dấu thời gian từ " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bị ngắt khi chờ dấu thời gian từ " + url, e);
        }
    }
}
