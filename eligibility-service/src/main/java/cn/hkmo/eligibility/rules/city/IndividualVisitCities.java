package cn.hkmo.eligibility.rules.city;

import cn.hkmo.eligibility.rules.Confidence;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.RuleRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The individual-visit cities with their effective dates (docs/domain.md#r-g-cities): hukou residents and
 * residence-permit holders of these cities may apply for the individual-tour (G) endorsement.
 */
public final class IndividualVisitCities {

    /**
     * The sources give "2003–2007" for the first 49 without days; the data uses the end of the phase-in,
     * which only matters for applications dated before 2007.
     */
    public static final LocalDate FIRST_49_BY = LocalDate.of(2007, 1, 1);
    public static final LocalDate XIAN_QINGDAO = LocalDate.of(2024, 3, 6);
    public static final LocalDate EIGHT_MORE = LocalDate.of(2024, 5, 27);

    public static final RuleRef FIRST_49 = RuleRef.secondary("G.CITIES_49", "[CITY59]",
            "2003–2007年分批开放的49个个人游城市");
    public static final RuleRef FIRST_49_UNCONFIRMED = RuleRef.unconfirmed("G.CITIES_49_UNCONFIRMED", "docs/domain.md#r-g-cities",
            "49城中来源未列出的10城 (长沙、南宁、海口、贵阳、昆明、石家庄、郑州、长春、合肥、武汉); "
                    + "可配置 hkmo.eligibility.rules.include-unconfirmed-cities");
    public static final RuleRef ADDED_2024_03 = RuleRef.secondary("G.CITIES_XIAN_QINGDAO", "[XAQD]",
            "西安、青岛自2024-03-06起开放个人游 (51城)");
    public static final RuleRef ADDED_2024_05 = RuleRef.official("G.CITIES_EIGHT_MORE", "[GL8] [CITY59]",
            "太原、呼和浩特、哈尔滨、拉萨、兰州、西宁、银川、乌鲁木齐自2024-05-27起开放个人游 (59城), 户籍居民及居住证持有人均可申请");

    private static final List<IndividualVisitCity> ALL = List.of(
            // Guangdong, 21 cities
            city("440100", "广州", "Guangzhou"), city("440300", "深圳", "Shenzhen"), city("440400", "珠海", "Zhuhai"),
            city("440600", "佛山", "Foshan"), city("442000", "中山", "Zhongshan"), city("440700", "江门", "Jiangmen"),
            city("441900", "东莞", "Dongguan"), city("441300", "惠州", "Huizhou"), city("441200", "肇庆", "Zhaoqing"),
            city("445100", "潮州", "Chaozhou"), city("440500", "汕头", "Shantou"), city("441800", "清远", "Qingyuan"),
            city("441400", "梅州", "Meizhou"), city("445300", "云浮", "Yunfu"), city("440800", "湛江", "Zhanjiang"),
            city("441600", "河源", "Heyuan"), city("440200", "韶关", "Shaoguan"), city("441500", "汕尾", "Shanwei"),
            city("441700", "阳江", "Yangjiang"), city("445200", "揭阳", "Jieyang"), city("440900", "茂名", "Maoming"),
            // the rest of the confirmed list
            city("110000", "北京", "Beijing"), city("310000", "上海", "Shanghai"), city("120000", "天津", "Tianjin"),
            city("500000", "重庆", "Chongqing"), city("320100", "南京", "Nanjing"), city("320500", "苏州", "Suzhou"),
            city("320200", "无锡", "Wuxi"), city("330100", "杭州", "Hangzhou"), city("330200", "宁波", "Ningbo"),
            city("331000", "台州", "Taizhou (Zhejiang)"),
            new IndividualVisitCity("350100", "福州(市直辖区)", "Fuzhou (urban districts)", FIRST_49_BY, true, FIRST_49),
            city("350200", "厦门", "Xiamen"), city("350500", "泉州", "Quanzhou"), city("210100", "沈阳", "Shenyang"),
            city("210200", "大连", "Dalian"), city("370100", "济南", "Jinan"), city("510100", "成都", "Chengdu"),
            city("360100", "南昌", "Nanchang"),
            // the ten no source confirms (docs/domain.md#r-g-cities)
            unconfirmed("430100", "长沙", "Changsha"), unconfirmed("450100", "南宁", "Nanning"),
            unconfirmed("460100", "海口", "Haikou"), unconfirmed("520100", "贵阳", "Guiyang"),
            unconfirmed("530100", "昆明", "Kunming"), unconfirmed("130100", "石家庄", "Shijiazhuang"),
            unconfirmed("410100", "郑州", "Zhengzhou"), unconfirmed("220100", "长春", "Changchun"),
            unconfirmed("340100", "合肥", "Hefei"), unconfirmed("420100", "武汉", "Wuhan"),
            // 2024 additions
            added("610100", "西安", "Xi'an", XIAN_QINGDAO, ADDED_2024_03),
            added("370200", "青岛", "Qingdao", XIAN_QINGDAO, ADDED_2024_03),
            added("140100", "太原", "Taiyuan", EIGHT_MORE, ADDED_2024_05),
            added("150100", "呼和浩特", "Hohhot", EIGHT_MORE, ADDED_2024_05),
            added("230100", "哈尔滨", "Harbin", EIGHT_MORE, ADDED_2024_05),
            added("540100", "拉萨", "Lhasa", EIGHT_MORE, ADDED_2024_05),
            added("620100", "兰州", "Lanzhou", EIGHT_MORE, ADDED_2024_05),
            added("630100", "西宁", "Xining", EIGHT_MORE, ADDED_2024_05),
            added("640100", "银川", "Yinchuan", EIGHT_MORE, ADDED_2024_05),
            added("650100", "乌鲁木齐", "Urumqi", EIGHT_MORE, ADDED_2024_05));

    private final boolean includeUnconfirmed;

    public IndividualVisitCities(boolean includeUnconfirmed) {
        this.includeUnconfirmed = includeUnconfirmed;
    }

    /** The cities in force on {@code date}. */
    public List<IndividualVisitCity> on(LocalDate date) {
        List<IndividualVisitCity> cities = new ArrayList<>();
        for (IndividualVisitCity city : ALL) {
            if (city.inForceOn(date) && (includeUnconfirmed || city.rule().confidence() != Confidence.UNCONFIRMED)) {
                cities.add(city);
            }
        }
        return cities;
    }

    /** The individual-visit city {@code region} lies in on {@code date}, if any. */
    public Optional<IndividualVisitCity> cityOf(Region region, LocalDate date) {
        return on(date).stream().filter(city -> city.covers(region)).findFirst();
    }

    private static IndividualVisitCity city(String code, String zh, String en) {
        return new IndividualVisitCity(code, zh, en, FIRST_49_BY, false, FIRST_49);
    }

    private static IndividualVisitCity unconfirmed(String code, String zh, String en) {
        return new IndividualVisitCity(code, zh, en, FIRST_49_BY, false, FIRST_49_UNCONFIRMED);
    }

    private static IndividualVisitCity added(String code, String zh, String en, LocalDate from, RuleRef rule) {
        return new IndividualVisitCity(code, zh, en, from, false, rule);
    }
}
