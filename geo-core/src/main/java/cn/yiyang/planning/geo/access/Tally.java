package cn.yiyang.planning.geo.access;

/** Counters of one unit (and group), summed up the administrative levels. Not thread-safe. */
final class Tally {

    static final int HOUSEHOLDS = 0;
    static final int HOUSEHOLDS_SERVED = 1;
    static final int POPULATION = 2;
    static final int POPULATION_SERVED = 3;
    static final int HOUSEHOLDS_NETWORK_SERVED = 4;
    static final int LARGE_VILLAGES = 5;
    static final int LARGE_VILLAGES_CONNECTED = 6;
    static final int TOWNSHIPS = 7;
    static final int TOWNSHIPS_CLASS3 = 8;
    static final int VILLAGES = 9;
    static final int VILLAGES_BUS = 10;
    static final int RURAL_POPULATION = 11;
    static final int RURAL_POPULATION_WITHIN = 12;
    private static final int SIZE = 13;

    private final long[] counts = new long[SIZE];

    void add(int counter, long amount) {
        counts[counter] += amount;
    }

    void add(Tally other) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += other.counts[i];
        }
    }

    long get(int counter) {
        return counts[counter];
    }
}
