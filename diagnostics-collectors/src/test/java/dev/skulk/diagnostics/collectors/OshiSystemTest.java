package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import oshi.SystemInfo;
import org.junit.jupiter.api.Test;

class OshiSystemTest {

  @Test
  void everyOshiSystemSharesOneSystemInfoAcrossThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<SystemInfo>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(() -> new OshiSystem().info());
      }
      List<SystemInfo> infos = new ArrayList<>();
      for (Future<SystemInfo> f : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
        infos.add(f.get());
      }
      assertThat(infos).hasSize(16).allSatisfy(info -> assertThat(info).isSameAs(infos.get(0)));
      assertThat(new OshiSystem().hardware()).isSameAs(infos.get(0).getHardware());
    } finally {
      pool.shutdownNow();
    }
  }
}
