package dev.skulk.diagnostics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.runner.RunnerSupervisorRegistry;
import dev.skulk.diagnostics.testkit.TestTicker;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end through Micrometer's OTLP registry: it POSTs an OTLP/HTTP protobuf payload to a
 * loopback receiver here, which decodes it with the OpenTelemetry proto classes. Expected values
 * are the fixtures' inputs; names are Micrometer's (OTLP keeps the dotted names).
 */
class OtlpExportTest {

  private HttpServer server;
  private final BlockingQueue<ExportMetricsServiceRequest> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> contentTypes = new LinkedBlockingQueue<>();

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/metrics", this::receive);
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      InputStream body = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(body);
      }
      received.add(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()));
      contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
      byte[] response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        exchange.getResponseBody().write(response);
      }
    }
  }

  @Test
  void otlpPayloadCarriesTheSkulkMeters() throws Exception {
    RunnerSupervisorRegistry runners = new RunnerSupervisorRegistry();
    runners.register(Fixtures.decodingTracker("r1", new TestTicker()));
    AssemblyReport report;
    try (DiagnosticsAssembler assembler = Fixtures.assembler()) {
      report = assembler.assembleNodeReport();
    }
    Map<String, String> settings = new HashMap<>();
    settings.put("otlp.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics");
    settings.put("otlp.step", "1h"); // only the publish on close, which the test triggers
    OtlpConfig config = settings::get;
    OtlpMeterRegistry registry = new OtlpMeterRegistry(config, Clock.SYSTEM);
    SkulkMeterBinder binder = SkulkMeterBinder.builder().runners(runners).reports(() -> report).build();
    binder.bindTo(registry);
    binder.refresh();
    registry.close(); // publishes once

    ExportMetricsServiceRequest request = received.poll(10, TimeUnit.SECONDS);
    assertThat(request).as("an OTLP export reached the receiver").isNotNull();
    assertThat(contentTypes.poll()).isEqualTo("application/x-protobuf");
    Map<String, Metric> metrics = new HashMap<>();
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          metrics.put(metric.getName(), metric);
        }
      }
    }

    Map<String, String> r1 = Map.of("runner", "r1", "instance", "instance-1", "rank", "1");
    Metric phaseSeconds = metrics.get(SkulkMeterBinder.RUNNER_PHASE_SECONDS);
    assertThat(phaseSeconds.getUnit()).isEqualTo("seconds");
    assertThat(point(phaseSeconds.getGauge().getDataPointsList(), r1).getAsDouble()).isEqualTo(12.5);

    Map<String, String> decoding = new HashMap<>(r1);
    decoding.put("phase", "decode_stream");
    assertThat(point(metrics.get(SkulkMeterBinder.RUNNER_PHASE).getGauge().getDataPointsList(), decoding)
        .getAsDouble()).isEqualTo(1.0);
    assertThat(metrics.get(SkulkMeterBinder.RUNNER_PHASE).getGauge().getDataPointsCount())
        .isEqualTo(dev.skulk.diagnostics.model.RunnerPhase.values().length);

    Metric dropped = metrics.get(SkulkMeterBinder.RUNNER_FLIGHT_RECORDER_DROPPED);
    assertThat(dropped.getSum().getIsMonotonic()).isTrue();
    assertThat(point(dropped.getSum().getDataPointsList(), r1).getAsDouble()).isEqualTo(3.0);

    assertThat(point(metrics.get(SkulkMeterBinder.WARNINGS).getGauge().getDataPointsList(),
        Map.of("source", "skulk.leaked-wired-memory")).getAsDouble()).isEqualTo(1.0);
    assertThat(point(metrics.get(SkulkMeterBinder.COLLECTOR_OUTCOMES).getSum().getDataPointsList(),
        Map.of("collector", "test-disk", "slot", "disk", "status", "FAILED")).getAsDouble()).isEqualTo(1.0);

    Metric power = metrics.get(SkulkMeterBinder.ACCELERATOR_POWER);
    assertThat(power.getUnit()).isEqualTo("watts");
    assertThat(point(power.getGauge().getDataPointsList(), Map.of("vendor", "nvidia", "accelerator", "NVIDIA H200"))
        .getAsDouble()).isEqualTo(310.5);
    assertThat(metrics.get(SkulkMeterBinder.WIRED_LEAKED).getGauge().getDataPoints(0).getAsDouble())
        .isEqualTo((double) Fixtures.WIRED_BYTES);

    List<HistogramDataPoint> durations = metrics.get(SkulkMeterBinder.COLLECTOR_DURATION).getHistogram()
        .getDataPointsList();
    assertThat(durations.stream().filter(p -> attributes(p.getAttributesList()).equals(
        Map.of("collector", "test-disk", "slot", "disk"))).map(HistogramDataPoint::getCount)
        .collect(Collectors.toList())).containsExactly(1L);
  }

  private static NumberDataPoint point(List<NumberDataPoint> points, Map<String, String> tags) {
    List<NumberDataPoint> matching = new ArrayList<>();
    for (NumberDataPoint p : points) {
      if (attributes(p.getAttributesList()).equals(tags)) {
        matching.add(p);
      }
    }
    assertThat(matching).as("one data point with attributes %s among %s", tags, points).hasSize(1);
    return matching.get(0);
  }

  private static Map<String, String> attributes(List<KeyValue> attributes) {
    Map<String, String> map = new HashMap<>();
    for (KeyValue kv : attributes) {
      map.put(kv.getKey(), kv.getValue().getStringValue());
    }
    return map;
  }
}
