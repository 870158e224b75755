package org.hivescan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class LocalSparkSmokeTest {

    @Test
    void localTwoThreadsSumsAcrossPartitions() throws Exception {
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("smoke")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int sum = jsc.parallelize(List.of(1, 2, 3, 4, 5, 6), 3).map(x -> x * 2).reduce(Integer::sum);
            assertThat(sum).isEqualTo(42);
        }
    }
}
