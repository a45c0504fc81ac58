package vn.reviewcascade.signature;

import java.nio.file.Path;

/** Keystores for tests that run the application as a deployment does, issued by the suite's demo authority. */
public final class TestKeystores {

    private TestKeystores() {
    }

    /** A PKCS#12 file holding a key and certificate in the organisation's name, as a deployment's keystore. */
    public static Path organisationKeystore(Path directory, String code, String organisation, String password) {
        new DemoCertificateAuthority(directory, password.toCharArray()).keyOf(code, organisation);
        return directory.resolve("unit-keys").resolve(code + ".p12");
    }
}
