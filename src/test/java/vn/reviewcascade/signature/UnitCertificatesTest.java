package vn.reviewcascade.signature;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.reviewcascade.signature.UnitCertificateProperties.UnitCertificate;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeCsvReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which unit a signing certificate belongs to: the demo authority's unit code, and the subjects a deployment maps. */
class UnitCertificatesTest {

    private static final UnitTree TREE = tree();

    @TempDir Path authorityDirectory;
    @TempDir Path otherAuthorityDirectory;

    @Test
    void aUnitCertificateOfTheDemoAuthorityBelongsToItsUnitAndToNoOther() {
        OrganisationKeys keys = demoKeys(authorityDirectory);
        UnitCertificates units = new UnitCertificates(new UnitCertificateProperties(null), keys, TREE);
        X509Certificate vinhTu = keys.keyOf("VL-B", "Đảng ủy xã Vĩnh Tú").certificate();

        assertThat(units.unitsOf(vinhTu)).containsExactly("VL-B");
        units.requireOf("VL-B", vinhTu, "3-BC/ĐU");
        assertThatThrownBy(() -> units.requireOf("VL-A", vinhTu, "3-BC/ĐU"))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("là của Đảng ủy xã Vĩnh Tú, không phải của Đảng ủy xã Vĩnh Thái: chỉ Đảng ủy xã "
                        + "Vĩnh Thái được ký bổ sung văn bản số 3-BC/ĐU");
    }

    @Test
    void theUnitCodeInACertificateOfAnotherAuthorityOfTheSameNameCountsForNothing() {
        UnitCertificates units = new UnitCertificates(new UnitCertificateProperties(null), demoKeys(authorityDirectory),
                TREE);
        X509Certificate impostor = demoKeys(otherAuthorityDirectory).keyOf("VL-A", "Đảng ủy xã Vĩnh Thái").certificate();

        assertThat(units.unitsOf(impostor)).isEmpty();
        assertThatThrownBy(() -> units.requireOf("VL-A", impostor, "3-BC/ĐU"))
                .hasMessageContaining("không được khai báo là của Đảng ủy xã Vĩnh Thái, đơn vị ban hành văn bản số "
                        + "3-BC/ĐU")
                .hasMessageContaining("review-cascade.signing.unit-certificates");
    }

    @Test
    void aConfiguredSubjectMapsEveryCertificateCarryingAllItsAttributes() throws Exception {
        UnitCertificates units = new UnitCertificates(new UnitCertificateProperties(List.of(
                new UnitCertificate("VL-A", "O=Đảng ủy xã Vĩnh Thái, L=Quảng Trị"),
                new UnitCertificate("VL-B", "CN=Trần Thị Tú, UID=CCCD:045090001234"))), demoKeys(authorityDirectory), TREE);

        assertThat(units.unitsOf(certificate("CN=Nguyễn Văn Thái, O=Đảng ủy xã Vĩnh Thái, L=Quảng Trị, C=VN")))
                .containsExactly("VL-A");
        String decomposed = Normalizer.normalize("CN=Lê Thị Hoa, O=đảng ủy xã  VĨNH THÁI, L=Quảng Trị",
                Normalizer.Form.NFD);
        assertThat(units.unitsOf(certificate(decomposed))).as("case, spaces and composition as X.500 ignores them")
                .containsExactly("VL-A");
        assertThat(units.unitsOf(certificate("CN=Nguyễn Văn Thái, O=Đảng ủy xã Vĩnh Thái, C=VN")))
                .as("one attribute missing").isEmpty();
        assertThat(units.unitsOf(certificate("CN=Trần Thị Tú, UID=CCCD:045090001235"))).as("another citizen's number")
                .isEmpty();
        assertThat(units.unitsOf(certificate("UID=CCCD:045090001234, CN=Trần Thị Tú, C=VN"))).containsExactly("VL-B");
    }

    @Test
    void aSubjectThatIsNoDistinguishedNameStopsTheStart() {
        UnitCertificateProperties properties = new UnitCertificateProperties(List.of(
                new UnitCertificate("VL-A", "Tổ chức=Đảng ủy xã Vĩnh Thái")));

        assertThatThrownBy(() -> new UnitCertificates(properties, demoKeys(authorityDirectory), TREE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("đơn vị VL-A: subject \"Tổ chức=Đảng ủy xã Vĩnh Thái\" không đúng cú pháp RFC 4514");
    }

    private static OrganisationKeys demoKeys(Path directory) {
        return new OrganisationKeys(new SigningProperties(null, null, null, "test", null, null, directory));
    }

    private static X509Certificate certificate(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(BCStyle.INSTANCE, subject);
        Date from = Date.from(LocalDate.of(2020, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Date to = Date.from(LocalDate.of(2050, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE, from,
                to, name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static UnitTree tree() {
        try (InputStream in = UnitCertificatesTest.class.getResourceAsStream("/units/test-tree.csv")) {
            return UnitTreeCsvReader.read(in, "test-tree.csv");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
