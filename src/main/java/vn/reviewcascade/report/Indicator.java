package vn.reviewcascade.report;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of the annex (phụ lục biểu số liệu). {@code whole} names the figure a part may never exceed:
 * new Party organisations are counted among the Party organisations, and so on.
 */
public enum Indicator {
    ENTERPRISES("enterprises", "Tổng số doanh nghiệp ngoài nhà nước", null),
    ELIGIBLE_ENTERPRISES("eligibleEnterprises", "Doanh nghiệp đủ điều kiện thành lập tổ chức đảng", ENTERPRISES),
    ENTERPRISES_WITH_PARTY_ORG("enterprisesWithPartyOrg", "Doanh nghiệp có tổ chức đảng", ENTERPRISES),
    PARTY_ORGS("partyOrgs", "Tổ chức đảng trong doanh nghiệp", null),
    PARTY_COMMITTEES("partyCommittees", "Trong đó: đảng bộ", PARTY_ORGS),
    BASE_CELLS("baseCells", "Trong đó: chi bộ cơ sở", PARTY_ORGS),
    SUBORDINATE_CELLS("subordinateCells", "Trong đó: chi bộ trực thuộc", PARTY_ORGS),
    NEW_PARTY_ORGS("newPartyOrgs", "Tổ chức đảng thành lập mới trong kỳ", PARTY_ORGS),
    PARTY_MEMBERS("partyMembers", "Đảng viên trong doanh nghiệp", null),
    NEW_PARTY_MEMBERS("newPartyMembers", "Đảng viên kết nạp mới trong kỳ", PARTY_MEMBERS),
    OWNER_PARTY_MEMBERS("ownerPartyMembers", "Đảng viên là chủ doanh nghiệp", PARTY_MEMBERS),
    TRADE_UNIONS("tradeUnions", "Công đoàn cơ sở", null),
    NEW_TRADE_UNIONS("newTradeUnions", "Công đoàn cơ sở thành lập mới trong kỳ", TRADE_UNIONS),
    TRADE_UNION_MEMBERS("tradeUnionMembers", "Đoàn viên công đoàn", null),
    NEW_TRADE_UNION_MEMBERS("newTradeUnionMembers", "Đoàn viên công đoàn kết nạp mới trong kỳ", TRADE_UNION_MEMBERS),
    YOUTH_ORGS("youthOrgs", "Tổ chức đoàn thanh niên (đoàn, chi đoàn)", null),
    NEW_YOUTH_ORGS("newYouthOrgs", "Tổ chức đoàn thanh niên thành lập mới trong kỳ", YOUTH_ORGS),
    YOUTH_MEMBERS("youthMembers", "Đoàn viên thanh niên", null),
    NEW_YOUTH_MEMBERS("newYouthMembers", "Đoàn viên thanh niên kết nạp mới trong kỳ", YOUTH_MEMBERS),
    WOMEN_BRANCHES("womenBranches", "Chi hội phụ nữ", null),
    WOMEN_MEMBERS("womenMembers", "Hội viên phụ nữ", null),
    VETERAN_BRANCHES("veteranBranches", "Chi hội cựu chiến binh", null),
    VETERAN_MEMBERS("veteranMembers", "Hội viên cựu chiến binh", null);

    private static final Map<String, Indicator> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toMap(Indicator::key, Function.identity()));

    private final String key;
    private final String label;
    private final Indicator whole;

    Indicator(String key, String label, Indicator whole) {
        this.key = key;
        this.label = label;
        this.whole = whole;
    }

    /** The name of the figure in JSON bodies, form fields and task variables. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Indicator whole() {
        return whole;
    }

    public static Optional<Indicator> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
