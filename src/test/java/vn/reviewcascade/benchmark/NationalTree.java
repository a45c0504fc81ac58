package vn.reviewcascade.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a generated national unit tree, a SAMPLE (mẫu) of the shape Vietnam's Party has had since 1/7/2025: one
 * centre, the 34 provincial-level committees, about 3,300 commune-level committees (xã, phường, đặc khu, and the
 * Đảng ủy trực thuộc of each province) and about 50,000 base organisations. The provinces carry the names of the 34
 * provincial-level units; every other name is made up, and every name ends in "(mẫu)": the sizes of provinces and
 * communes are drawn from a fixed seed, not taken from any real list. The same sizes always give the same file.
 *
 * <p>Sizes: {@code -Dbenchmark.provinces=34 -Dbenchmark.communes=3321 -Dbenchmark.bases=50000}; the smallest useful
 * run is {@code 3, 60, 600}. Run {@link #main} to write the file alone: {@code NationalTree <path>}.
 */
public final class NationalTree {

    static final String LEVELS =
            "# levels: CENTRE=Trung ương; PROVINCE=Tỉnh ủy, thành ủy; COMMUNE=Đảng ủy cấp xã; BASE=Chi bộ, tổ chức cơ sở đảng";
    static final String HEADER = "code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters";
    static final String ROOT = "TW";
    private static final long SEED = 20250701L;

    /** The 34 provincial-level units since 1/7/2025; the six cities have a Thành ủy. */
    private static final List<String> PROVINCES = List.of(
            "thành phố Hà Nội", "thành phố Huế", "tỉnh Lai Châu", "tỉnh Điện Biên", "tỉnh Sơn La", "tỉnh Lạng Sơn",
            "tỉnh Quảng Ninh", "tỉnh Thanh Hóa", "tỉnh Nghệ An", "tỉnh Hà Tĩnh", "tỉnh Cao Bằng", "tỉnh Tuyên Quang",
            "tỉnh Lào Cai", "tỉnh Thái Nguyên", "tỉnh Phú Thọ", "tỉnh Bắc Ninh", "tỉnh Hưng Yên", "thành phố Hải Phòng",
            "tỉnh Ninh Bình", "tỉnh Quảng Trị", "thành phố Đà Nẵng", "tỉnh Quảng Ngãi", "tỉnh Gia Lai", "tỉnh Khánh Hòa",
            "tỉnh Lâm Đồng", "tỉnh Đắk Lắk", "thành phố Hồ Chí Minh", "tỉnh Đồng Nai", "tỉnh Tây Ninh",
            "thành phố Cần Thơ", "tỉnh Vĩnh Long", "tỉnh Đồng Tháp", "tỉnh Cà Mau", "tỉnh An Giang");

    /** Syllables of place names; two of them name a commune, unique within its province. */
    private static final List<String> SYLLABLES = List.of(
            "An", "Bình", "Phú", "Hòa", "Thạnh", "Tân", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Phước", "Long", "Thới",
            "Mỹ", "Vĩnh", "Quảng", "Hải", "Sơn", "Lộc", "Thuận", "Xuân", "Hạ", "Thượng", "Trung", "Đức", "Nghĩa",
            "Lợi", "Thành", "Khánh", "Định", "Hiệp", "Quý", "Tiến", "Cường", "Điền", "Yên", "Lạc", "Châu", "Hội");

    /** The Đảng ủy trực thuộc of a province, at commune level, before its communes. */
    private static final List<String> DIRECT = List.of(
            "Đảng ủy các cơ quan Đảng", "Đảng ủy Ủy ban nhân dân", "Đảng ủy Quân sự", "Đảng ủy Công an");

    private NationalTree() {
    }

    /** How many units each level has. */
    public record Sizes(int provinces, int communes, int bases) {

        public Sizes {
            if (provinces < 1 || communes < provinces || bases < 0) {
                throw new IllegalArgumentException("Need at least one province and a commune per province: " + this);
            }
        }

        public static Sizes fromSystemProperties() {
            return new Sizes(Integer.getInteger("benchmark.provinces", 34), Integer.getInteger("benchmark.communes", 3321),
                    Integer.getInteger("benchmark.bases", 50_000));
        }

        public int units() {
            return 1 + provinces + communes + bases;
        }

        @Override
        public String toString() {
            return "1 centre, %,d provinces, %,d communes, %,d base units".formatted(provinces, communes, bases);
        }
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/national-tree.csv");
        write(file, Sizes.fromSystemProperties());
        System.out.println(file + ": " + Sizes.fromSystemProperties());
    }

    /** Writes the tree, top down: the centre, each province followed by its communes, each followed by its base units. */
    public static void write(Path file, Sizes sizes) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Random random = new Random(SEED);
        int[] communesOf = spread(sizes.communes(), sizes.provinces(), random, 0.4, 1.6);
        int[] basesOf = spread(sizes.bases(), sizes.communes(), random, 0.4, 1.6);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(LEVELS + "\n" + HEADER + "\n");
            out.write("# MẪU: cây đơn vị sinh tự động để đo tải (%s), không phải danh sách thật.\n".formatted(sizes));
            row(out, ROOT, "Ban Chấp hành Trung ương Đảng (mẫu)", "CENTRE", "", "TW");
            int commune = 0;
            for (int p = 0; p < sizes.provinces(); p++) {
                String place = p < PROVINCES.size() ? PROVINCES.get(p) : "tỉnh Mẫu số " + (p + 1);
                String province = "P%02d".formatted(p + 1);
                String committee = (place.startsWith("thành phố") ? "Thành ủy " : "Tỉnh ủy ")
                        + place.substring(place.indexOf(' ', place.startsWith("thành phố") ? 6 : 0) + 1);
                row(out, province, committee + " (mẫu)", "PROVINCE", ROOT, "TU");
                List<String> names = communeNames(communesOf[p], place, random);
                for (int c = 0; c < communesOf[p]; c++, commune++) {
                    String code = "%s-C%03d".formatted(province, c + 1);
                    boolean direct = communesOf[p] >= 2 * DIRECT.size() && c < DIRECT.size();
                    String name = direct ? DIRECT.get(c) + " " + place : names.get(c);
                    row(out, code, name + " (mẫu)", "COMMUNE", province, "ĐU");
                    for (int b = 0; b < basesOf[commune]; b++) {
                        // Every ninth base unit of a commune is a đảng bộ cơ sở (a school's), the others chi bộ.
                        boolean committeeBase = !direct && b % 9 == 8;
                        row(out, "%s-B%02d".formatted(code, b + 1), baseName(b, name, direct, committeeBase), "BASE",
                                code, committeeBase ? "ĐU" : "CB");
                    }
                }
            }
        }
    }

    /** Names of a province's communes: xã, phường (every fifth), an đặc khu now and then; none twice in the country. */
    private static List<String> communeNames(int count, String province, Random random) {
        List<Integer> combinations = new ArrayList<>();
        for (int i = 0; i < SYLLABLES.size() * SYLLABLES.size(); i++) {
            if (i / SYLLABLES.size() != i % SYLLABLES.size()) {
                combinations.add(i);
            }
        }
        java.util.Collections.shuffle(combinations, random);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int pick = combinations.get(c % combinations.size());
            String place = SYLLABLES.get(pick / SYLLABLES.size()) + " " + SYLLABLES.get(pick % SYLLABLES.size())
                    + (c >= combinations.size() ? " " + (c / combinations.size() + 1) : "");
            String kind = c % 97 == 96 ? "đặc khu" : c % 5 == 4 ? "phường" : "xã";
            names.add("Đảng ủy " + kind + " " + place + " – " + province);
        }
        return names;
    }

    private static String baseName(int index, String commune, boolean direct, boolean committeeBase) {
        String place = direct ? commune : commune.replaceFirst("^Đảng ủy ", "").replaceFirst(" – .*$", "");
        if (committeeBase) {
            return "Đảng bộ cơ sở Trường Trung học phổ thông số %d – %s (mẫu)".formatted(index / 9 + 1, place);
        }
        String kind = direct ? "Chi bộ cơ quan" : place.startsWith("phường") ? "Chi bộ khu phố" : "Chi bộ thôn";
        return "%s %d – %s (mẫu)".formatted(kind, index + 1, place);
    }

    /** Splits a total over parts in proportion to random weights, each part at least one while the total allows. */
    static int[] spread(int total, int parts, Random random, double low, double high) {
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = low + random.nextDouble() * (high - low);
            sum += weights[i];
        }
        int[] sizes = new int[parts];
        int floor = total >= parts ? 1 : 0;
        int rest = total - floor * parts;
        int given = 0;
        double[] remainders = new double[parts];
        for (int i = 0; i < parts; i++) {
            double share = rest * weights[i] / sum;
            sizes[i] = floor + (int) share;
            remainders[i] = share - (int) share;
            given += sizes[i];
        }
        // Largest remainders first, ties by position: the parts add up to the total exactly.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int i = 0; given < total; i++, given++) {
            sizes[order.get(i % parts)]++;
        }
        return sizes;
    }

    private static void row(BufferedWriter out, String code, String name, String level, String parent, String symbol)
            throws IOException {
        out.write(code + "," + name + "," + level + "," + parent + "," + symbol + ",,,,\n");
    }
}
