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
    ENTERPRISES("enterprises", "Tổng số doanh nghiệp ngoài nhà nước", null, Groups.ENTERPRISES_GROUP),
    ELIGIBLE_ENTERPRISES("eligibleEnterprises", "Doanh nghiệp đủ điều kiện thành lập tổ chức đảng", ENTERPRISES, Groups.ENTERPRISES_GROUP),
    ENTERPRISES_WITH_PARTY_ORG("enterprisesWithPartyOrg", "Doanh nghiệp có tổ chức đảng", ENTERPRISES, Groups.ENTERPRISES_GROUP),
    PARTY_ORGS("partyOrgs", "Tổ chức đảng trong doanh nghiệp", null, Groups.PARTY_GROUP),
    PARTY_COMMITTEES("partyCommittees", "Trong đó: đảng bộ", PARTY_ORGS, Groups.PARTY_GROUP),
    BASE_CELLS("baseCells", "Trong đó: chi bộ cơ sở", PARTY_ORGS, Groups.PARTY_GROUP),
    SUBORDINATE_CELLS("subordinateCells", "Trong đó: chi bộ trực thuộc", PARTY_ORGS, Groups.PARTY_GROUP),
    NEW_PARTY_ORGS("newPartyOrgs", "Tổ chức đảng thành lập mới trong kỳ", PARTY_ORGS, Groups.PARTY_GROUP),
    PARTY_MEMBERS("partyMembers", "Đảng viên trong doanh nghiệp", null, Groups.MEMBERS_GROUP),
    NEW_PARTY_MEMBERS("newPartyMembers", "Đảng viên kết nạp mới trong kỳ", PARTY_MEMBERS, Groups.MEMBERS_GROUP),
    OWNER_PARTY_MEMBERS("ownerPartyMembers", "Đảng viên là chủ doanh nghiệp", PARTY_MEMBERS, Groups.MEMBERS_GROUP),
    TRADE_UNIONS("tradeUnions", "Công đoàn cơ sở", null, Groups.UNIONS_GROUP),
    NEW_TRADE_UNIONS("newTradeUnions", "Công đoàn cơ sở thành lập mới trong kỳ", TRADE_UNIONS, Groups.UNIONS_GROUP),
    TRADE_UNION_MEMBERS("tradeUnionMembers", "Đoàn viên công đoàn", null, Groups.UNIONS_GROUP),
    NEW_TRADE_UNION_MEMBERS("newTradeUnionMembers", "Đoàn viên công đoàn kết nạp mới trong kỳ", TRADE_UNION_MEMBERS, Groups.UNIONS_GROUP),
    YOUTH_ORGS("youthOrgs", "Tổ chức đoàn thanh niên (đoàn, chi đoàn)", null, Groups.YOUTH_GROUP),
    NEW_YOUTH_ORGS("newYouthOrgs", "Tổ chức đoàn thanh niên thành lập mới trong kỳ", YOUTH_ORGS, Groups.YOUTH_GROUP),
    YOUTH_MEMBERS("youthMembers", "Đoàn viên thanh niên", null, Groups.YOUTH_GROUP),
    NEW_YOUTH_MEMBERS("newYouthMembers", "Đoàn viên thanh niên kết nạp mới trong kỳ", YOUTH_MEMBERS, Groups.YOUTH_GROUP),
    WOMEN_BRANCHES("womenBranches", "Chi hội phụ nữ", null, Groups.ASSOCIATIONS_GROUP),
    WOMEN_MEMBERS("womenMembers", "Hội viên phụ nữ", null, Groups.ASSOCIATIONS_GROUP),
    VETERAN_BRANCHES("veteranBranches", "Chi hội cựu chiến binh", null, Groups.ASSOCIATIONS_GROUP),
    VETERAN_MEMBERS("veteranMembers", "Hội viên cựu chiến binh", null, Groups.ASSOCIATIONS_GROUP);

    /** The headings of the annex, in the order the plan's biểu mẫu lists them. */
    private static final class Groups {
        static final String ENTERPRISES_GROUP = "Doanh nghiệp ngoài nhà nước";
        static final String PARTY_GROUP = "Tổ chức đảng trong doanh nghiệp";
        static final String MEMBERS_GROUP = "Đảng viên";
        static final String UNIONS_GROUP = "Công đoàn cơ sở";
        static final String YOUTH_GROUP = "Đoàn thanh niên";
        static final String ASSOCIATIONS_GROUP = "Hội phụ nữ, hội cựu chiến binh";
    }

    private static final Map<String, Indicator> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toMap(Indicator::key, Function.identity()));

    private final String key;
    private final String label;
    private final Indicator whole;
    private final String group;

    Indicator(String key, String label, Indicator whole, String group) {
        this.key = key;
        this.label = label;
        this.whole = whole;
        this.group = group;
    }

    /** The heading the figure stands under in the annex. */
    public String group() {
        return group;
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
