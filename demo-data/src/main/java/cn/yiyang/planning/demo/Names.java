package cn.yiyang.planning.demo;

import java.util.List;

/** Synthetic place names in the local style (刘家湾, 杨柳冲, 新垸): none is a real place. */
final class Names {

    private static final List<String> SURNAMES = List.of(
            "刘", "李", "王", "张", "陈", "杨", "周", "黄", "罗", "胡", "曾", "谢", "彭", "夏", "龚", "熊", "邓", "蔡", "文", "符", "肖",
            "蒋", "贺", "谭", "姚", "郭", "汤", "欧阳", "莫", "袁", "易", "卜", "龙", "廖");
    private static final List<String> WORDS = List.of(
            "杨柳", "枫树", "桃树", "竹山", "茶园", "松林", "石门", "大塘", "新屋", "老屋", "上湾", "下湾", "白沙", "青山", "黄泥", "岩口", "荷叶", "桂花",
            "樟树", "梨子", "栗山", "塘湾", "长岭", "高坪", "金竹", "水口");
    private static final List<String> HILL_ENDINGS = List.of("湾", "冲", "坪", "屋场", "塘", "坳", "山", "院子", "湾里");
    private static final List<String> LAKE_ENDINGS = List.of("垸", "台", "湖", "洲", "堤", "湾", "屋场", "嘴");

    private Names() {}

    /** A natural village's name: a family place (刘家湾) or a landscape name (杨柳冲). */
    static String naturalVillage(Rng rng, boolean lowland) {
        List<String> endings = lowland ? LAKE_ENDINGS : HILL_ENDINGS;
        String ending = rng.pick(endings);
        if (rng.chance(0.6)) {
            return rng.pick(SURNAMES) + "家" + ending;
        }
        return rng.pick(WORDS) + ending;
    }

    /** The village's name without the 村委会/居委会 suffix the NBS list carries ("石码头社区", "新月村"). */
    static String shortVillage(String name) {
        for (String suffix : List.of("村民委员会", "居民委员会", "村委会", "居委会")) {
            if (name.endsWith(suffix)) {
                String stem = name.substring(0, name.length() - suffix.length());
                return stem.endsWith("社区") || stem.endsWith("村") ? stem : stem + (suffix.startsWith("村") ? "村" : "社区");
            }
        }
        return name;
    }

    /** The county's short name (大通湖管理区, 高新区) for the names of facilities. */
    static String shortCounty(String name) {
        if (name.contains("高新技术产业园区")) {
            return "益阳高新区";
        }
        return name.replace("益阳市", "");
    }
}
