package org.assist.agent.sysinfo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.assist.protocol.SystemInfoDocument;
import org.assist.protocol.SystemInfoDocument.Section;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.Display;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.PowerSource;
import oshi.hardware.Sensors;
import oshi.hardware.UsbDevice;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import oshi.software.os.OperatingSystem.ProcessSorting;
import oshi.util.EdidUtil;

/**
 * System information through OSHI, in the categories a help desk looks at. OSHI is loaded at the
 * first collection, not before: an agent nobody asks is some 3 MiB smaller without it (the name and
 * operating system it introduces itself with come from {@link ThisComputer}). One {@link
 * SystemInfo} is then kept for the agent's life (OSHI caches what does not change), and the
 * processor ticks of the previous collection give the CPU load without waiting, except at the
 * first, which samples the load for {@link #FIRST_LOAD_SAMPLE}.
 */
public final class OshiSystemInfoCollector implements SystemInfoCollector {
  private static final Duration BUDGET = Duration.ofSeconds(3);
  private static final Duration SLOW_BUDGET = Duration.ofSeconds(6);
  private static final Duration FIRST_LOAD_SAMPLE = Duration.ofMillis(500);
  private static final int TOP_PROCESSES = 200;

  private HardwareAbstractionLayer hardware;
  private OperatingSystem os;
  private final CategoryRunner runner;

  /** The processor's ticks at the previous collection; null before the first. */
  private long[] previousTicks;

  public OshiSystemInfoCollector() {
    runner =
        new CategoryRunner()
            .add("computer", BUDGET, this::computer)
            .add("processor", BUDGET, this::processor)
            .add("memory", BUDGET, this::memory)
            .add("storage", BUDGET, this::storage)
            .add("network", BUDGET, this::network)
            .add("processes", SLOW_BUDGET, this::processes)
            .add("services", SLOW_BUDGET, this::services)
            .add("software", SLOW_BUDGET, this::software)
            .add("displays", BUDGET, this::displays)
            .add("usb", BUDGET, this::usb)
            .add("power", BUDGET, this::power)
            .add("users", BUDGET, this::users);
  }

  @Override
  public SystemInfoDocument collect() {
    loadOshi();
    return new SystemInfoDocument(computerName(), Instant.now(), runner.collect());
  }

  private synchronized void loadOshi() {
    if (hardware == null) {
      SystemInfo system = new SystemInfo();
      os = system.getOperatingSystem();
      hardware = system.getHardware();
    }
  }

  @Override
  public String computerName() {
    return Units.text(ThisComputer.name());
  }

  @Override
  public String osName() {
    return ThisComputer.osLine();
  }

  /**
   * When the computer started. A test that simulates a restart (ending the agent's process instead)
   * says when its simulated boot was, in {@code ASSIST_AGENT_SIMULATED_BOOT_TIME} (epoch seconds).
   */
  private long bootTime() {
    String simulated = System.getenv("ASSIST_AGENT_SIMULATED_BOOT_TIME");
    if (simulated != null) {
      try {
        return Long.parseLong(simulated.strip());
      } catch (NumberFormatException e) {
        // the real one
      }
    }
    return os.getSystemBootTime();
  }

  private static long now() {
    return java.time.Instant.now().getEpochSecond();
  }

  private List<Section> computer() {
    ComputerSystem computer = hardware.getComputerSystem();
    OperatingSystem.OSVersionInfo version = os.getVersionInfo();
    long boot = bootTime();
    long uptime = boot == os.getSystemBootTime() ? os.getSystemUptime() : now() - boot;
    return List.of(
        Section.properties(
            null,
            rows(
                "hostName", computerName(),
                "domain", os.getNetworkParams().getDomainName(),
                "osFamily", os.getFamily(),
                "osManufacturer", os.getManufacturer(),
                "osVersion", version.getVersion(),
                "osCodeName", version.getCodeName(),
                "osBuild", version.getBuildNumber(),
                "bitness", os.getBitness() + "-bit",
                "bootTime", Units.epochSeconds(boot),
                "uptime", Units.duration(uptime),
                "manufacturer", computer.getManufacturer(),
                "model", computer.getModel(),
                "serialNumber", computer.getSerialNumber(),
                "hardwareUuid", computer.getHardwareUUID(),
                "firmwareManufacturer", computer.getFirmware().getManufacturer(),
                "firmwareName", computer.getFirmware().getName(),
                "firmwareVersion", computer.getFirmware().getVersion(),
                "firmwareReleaseDate", computer.getFirmware().getReleaseDate(),
                "baseboardManufacturer", computer.getBaseboard().getManufacturer(),
                "baseboardModel", computer.getBaseboard().getModel(),
                "baseboardVersion", computer.getBaseboard().getVersion())));
  }

  private List<Section> processor() {
    CentralProcessor cpu = hardware.getProcessor();
    CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
    double load;
    synchronized (this) {
      long[] ticks = cpu.getSystemCpuLoadTicks();
      load =
          previousTicks == null
              ? cpu.getSystemCpuLoad(FIRST_LOAD_SAMPLE.toMillis())
              : cpu.getSystemCpuLoadBetweenTicks(previousTicks);
      previousTicks = ticks;
    }
    double[] average = cpu.getSystemLoadAverage(3);
    long[] frequencies = cpu.getCurrentFreq();
    long current =
        frequencies.length == 0 ? 0 : (long) Arrays.stream(frequencies).average().orElse(0);
    return List.of(
        Section.properties(
            null,
            rows(
                "name", id.getName(),
                "vendor", id.getVendor(),
                "identifier", id.getIdentifier(),
                "microarchitecture", id.getMicroarchitecture(),
                "cpu64bit", id.isCpu64bit() ? "yes" : "no",
                "physicalPackages", String.valueOf(cpu.getPhysicalPackageCount()),
                "physicalCores", String.valueOf(cpu.getPhysicalProcessorCount()),
                "logicalProcessors", String.valueOf(cpu.getLogicalProcessorCount()),
                "maxFrequency", Units.hertz(cpu.getMaxFreq()),
                "currentFrequency", Units.hertz(current),
                "cpuLoad", Units.percent(load),
                "loadAverage",
                    average[0] < 0
                        ? ""
                        : Arrays.stream(average)
                            .mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
                            .collect(Collectors.joining(" / ")))));
  }

  private List<Section> memory() {
    GlobalMemory memory = hardware.getMemory();
    VirtualMemory virtual = memory.getVirtualMemory();
    long used = memory.getTotal() - memory.getAvailable();
    List<List<String>> modules = new ArrayList<>();
    memory
        .getPhysicalMemory()
        .forEach(
            module ->
                modules.add(
                    cells(
                        module.getBankLabel(),
                        Units.bytes(module.getCapacity()),
                        Units.hertz(module.getClockSpeed()),
                        module.getManufacturer(),
                        module.getMemoryType(),
                        module.getPartNumber())));
    return List.of(
        Section.properties(
            null,
            rows(
                "totalMemory", Units.bytesExact(memory.getTotal()),
                "availableMemory", Units.bytesExact(memory.getAvailable()),
                "usedMemory", Units.bytes(used),
                "memoryLoad",
                    Units.percent(memory.getTotal() == 0 ? -1 : (double) used / memory.getTotal()),
                "pageSize", Units.bytes(memory.getPageSize()),
                "swapTotal", Units.bytes(virtual.getSwapTotal()),
                "swapUsed", Units.bytes(virtual.getSwapUsed()),
                "virtualMax", Units.bytes(virtual.getVirtualMax()),
                "virtualInUse", Units.bytes(virtual.getVirtualInUse()))),
        Section.table(
            "modules",
            List.of("bank", "capacity", "clockSpeed", "manufacturer", "type", "partNumber"),
            modules));
  }

  private List<Section> storage() {
    List<List<String>> disks = new ArrayList<>();
    List<List<String>> partitions = new ArrayList<>();
    for (HWDiskStore disk : hardware.getDiskStores()) {
      disks.add(
          cells(
              disk.getName(),
              disk.getModel(),
              disk.getSerial(),
              Units.bytes(disk.getSize()),
              String.valueOf(disk.getReads()),
              String.valueOf(disk.getWrites())));
      for (HWPartition partition : disk.getPartitions()) {
        partitions.add(
            cells(
                partition.getIdentification(),
                partition.getName(),
                partition.getType(),
                partition.getMountPoint(),
                Units.bytes(partition.getSize())));
      }
    }
    List<List<String>> stores = new ArrayList<>();
    for (OSFileStore store : os.getFileSystem().getFileStores()) {
      long total = store.getTotalSpace();
      long usable = store.getUsableSpace();
      stores.add(
          cells(
              store.getMount(),
              store.getName(),
              store.getType(),
              Units.bytes(total),
              Units.bytes(usable),
              Units.percent(total <= 0 ? -1 : (double) (total - usable) / total)));
    }
    return List.of(
        Section.table(
            "disks", List.of("name", "model", "serialNumber", "size", "reads", "writes"), disks),
        Section.table(
            "partitions",
            List.of("identification", "name", "type", "mountPoint", "size"),
            partitions),
        Section.table(
            "fileSystems",
            List.of("mountPoint", "name", "type", "size", "usable", "used"),
            stores));
  }

  private List<Section> network() {
    var params = os.getNetworkParams();
    List<List<String>> interfaces = new ArrayList<>();
    for (NetworkIF nic : hardware.getNetworkIFs(true)) {
      interfaces.add(
          cells(
              nic.getName(),
              nic.getDisplayName(),
              nic.getIfOperStatus().name().toLowerCase(Locale.ROOT),
              nic.getMacaddr(),
              String.join(", ", nic.getIPv4addr()),
              String.join(", ", nic.getIPv6addr()),
              Units.bitsPerSecond(nic.getSpeed()),
              String.valueOf(nic.getMTU()),
              Units.bytes(nic.getBytesRecv()),
              Units.bytes(nic.getBytesSent())));
    }
    return List.of(
        Section.properties(
            null,
            rows(
                "hostName", params.getHostName(),
                "domain", params.getDomainName(),
                "dnsServers", String.join(", ", params.getDnsServers()),
                "ipv4Gateway", params.getIpv4DefaultGateway(),
                "ipv6Gateway", params.getIpv6DefaultGateway())),
        Section.table(
            "interfaces",
            List.of(
                "name",
                "displayName",
                "status",
                "mac",
                "ipv4",
                "ipv6",
                "speed",
                "mtu",
                "received",
                "sent"),
            interfaces));
  }

  private List<Section> processes() {
    List<List<String>> rows = new ArrayList<>();
    Map<String, String> userNames = LinuxServices.applies() ? LinuxServices.userNames() : Map.of();
    for (OSProcess process : os.getProcesses(null, ProcessSorting.RSS_DESC, TOP_PROCESSES)) {
      rows.add(
          cells(
              String.valueOf(process.getProcessID()),
              process.getName(),
              LinuxServices.applies()
                  ? userNames.getOrDefault(process.getUserID(), process.getUserID())
                  : process.getUser(),
              Units.bytes(process.getResidentSetSize()),
              Units.percent(process.getProcessCpuLoadCumulative()),
              String.valueOf(process.getThreadCount()),
              Units.epochMillis(process.getStartTime()),
              process.getState().name().toLowerCase(Locale.ROOT)));
    }
    return List.of(
        Section.properties(
            null,
            rows(
                "processCount", String.valueOf(os.getProcessCount()),
                "threadCount", String.valueOf(os.getThreadCount()))),
        Section.table(
            "topProcesses",
            List.of("pid", "name", "user", "memory", "cpu", "threads", "started", "state"),
            rows));
  }

  private List<Section> services() throws IOException, InterruptedException {
    List<List<String>> rows = new ArrayList<>();
    if (LinuxServices.applies()) {
      Map<String, Integer> running = new HashMap<>();
      os.getProcesses()
          .forEach(process -> running.putIfAbsent(process.getName(), process.getProcessID()));
      LinuxServices.services(running).forEach(row -> rows.add(cells(row.toArray())));
    } else {
      os.getServices()
          .forEach(
              service ->
                  rows.add(
                      cells(
                          service.getName(),
                          service.getProcessID() > 0 ? String.valueOf(service.getProcessID()) : "",
                          service.getState().name().toLowerCase(Locale.ROOT),
                          "")));
    }
    rows.sort((a, b) -> a.get(0).compareToIgnoreCase(b.get(0)));
    return List.of(Section.table(null, List.of("name", "pid", "state", "description"), rows));
  }

  private List<Section> software() {
    List<List<String>> rows = new ArrayList<>();
    os.getInstalledApplications()
        .forEach(
            app ->
                rows.add(
                    cells(
                        app.getName(),
                        app.getVersion(),
                        app.getVendor(),
                        app.getTimestamp() > 0 ? Units.epochMillis(app.getTimestamp()) : "")));
    rows.sort((a, b) -> a.get(0).compareToIgnoreCase(b.get(0)));
    return List.of(
        Section.table(
            null,
            List.of("name", "version", "vendor", "installed"),
            rows.subList(0, Math.min(rows.size(), SystemInfoDocument.MAX_ROWS))));
  }

  private List<Section> displays() {
    List<List<String>> screens = new ArrayList<>();
    for (Display display : hardware.getDisplays()) {
      byte[] edid = display.getEdid();
      screens.add(
          cells(
              EdidUtil.getManufacturerID(edid),
              EdidUtil.getProductID(edid),
              EdidUtil.getSerialNo(edid),
              EdidUtil.getPreferredResolution(edid),
              EdidUtil.getHcm(edid) + " x " + EdidUtil.getVcm(edid) + " cm"));
    }
    List<List<String>> cards = new ArrayList<>();
    hardware
        .getGraphicsCards()
        .forEach(
            card ->
                cards.add(
                    cells(
                        card.getName(),
                        card.getVendor(),
                        Units.bytes(card.getVRam()),
                        card.getVersionInfo(),
                        card.getDeviceId())));
    return List.of(
        Section.table(
            "displays",
            List.of("manufacturer", "product", "serialNumber", "resolution", "size"),
            screens),
        Section.table(
            "graphicsCards", List.of("name", "vendor", "memory", "version", "deviceId"), cards));
  }

  private List<Section> usb() {
    List<List<String>> rows = new ArrayList<>();
    hardware.getUsbDevices(true).forEach(device -> usb(device, 0, rows));
    return List.of(
        Section.table(
            null, List.of("name", "vendor", "vendorId", "productId", "serialNumber"), rows));
  }

  private static void usb(UsbDevice device, int depth, List<List<String>> rows) {
    if (rows.size() >= SystemInfoDocument.MAX_ROWS) {
      return;
    }
    rows.add(
        cells(
            "  ".repeat(depth) + Units.text(device.getName()),
            device.getVendor(),
            device.getVendorId(),
            device.getProductId(),
            device.getSerialNumber()));
    device.getConnectedDevices().forEach(child -> usb(child, depth + 1, rows));
  }

  private List<Section> power() {
    List<List<String>> sources = new ArrayList<>();
    for (PowerSource source : hardware.getPowerSources()) {
      double remaining = source.getTimeRemainingEstimated();
      sources.add(
          cells(
              source.getName(),
              source.getDeviceName(),
              Units.percent(source.getRemainingCapacityPercent()),
              remaining < 0 ? "" : Units.duration((long) remaining),
              source.isPowerOnLine() ? "yes" : "no",
              source.isCharging() ? "yes" : "no",
              source.getChemistry(),
              source.getCycleCount() < 0 ? "" : String.valueOf(source.getCycleCount())));
    }
    Sensors sensors = hardware.getSensors();
    double temperature = sensors.getCpuTemperature();
    double voltage = sensors.getCpuVoltage();
    return List.of(
        Section.table(
            "powerSources",
            List.of(
                "name",
                "device",
                "remaining",
                "timeRemaining",
                "onLine",
                "charging",
                "chemistry",
                "cycles"),
            sources),
        Section.properties(
            "sensors",
            rows(
                "cpuTemperature",
                    temperature > 0 ? String.format(Locale.ROOT, "%.1f °C", temperature) : "",
                "cpuVoltage", voltage > 0 ? String.format(Locale.ROOT, "%.2f V", voltage) : "",
                "fanSpeeds",
                    Arrays.stream(sensors.getFanSpeeds())
                        .mapToObj(speed -> speed + " rpm")
                        .collect(Collectors.joining(", ")))));
  }

  private volatile String workingAs;

  @Override
  public void workingAs(String account) {
    workingAs = account;
  }

  /**
   * The account's line of /etc/passwd, split (5: home folder, 6: shell); empty fields when it has
   * none there or none is named.
   */
  private static String[] account(String name) {
    String[] none = new String[7];
    if (name == null) {
      return none;
    }
    try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/etc/passwd"))) {
      return lines
          .map(line -> line.split(":", -1))
          .filter(fields -> fields.length > 6 && fields[0].equals(name))
          .findFirst()
          .orElse(none);
    } catch (java.io.IOException | RuntimeException e) {
      return none;
    }
  }

  private List<Section> users() {
    String[] account = account(workingAs);
    List<List<String>> sessions = new ArrayList<>();
    os.getSessions()
        .forEach(
            session ->
                sessions.add(
                    cells(
                        session.getUserName(),
                        session.getTerminalDevice(),
                        Units.epochMillis(session.getLoginTime()),
                        session.getHost())));
    return List.of(
        Section.properties(
            null,
            rows(
                "agentUser",
                System.getProperty("user.name"),
                "workingAs",
                workingAs,
                "workingAsHome",
                account[5],
                "workingAsShell",
                account[6],
                "elevated",
                os.isElevated() ? "yes" : "no")),
        Section.table("sessions", List.of("user", "terminal", "loginTime", "host"), sessions));
  }

  /** Property rows from key, value, key, value...; empty values are left out. */
  private static List<List<String>> rows(Object... keysAndValues) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String value = Units.text(keysAndValues[i + 1]);
      if (!value.isEmpty()) {
        rows.add(List.of((String) keysAndValues[i], clip(value)));
      }
    }
    return rows;
  }

  private static List<String> cells(Object... values) {
    List<String> cells = new ArrayList<>(values.length);
    for (Object value : values) {
      cells.add(clip(Units.text(value)));
    }
    return cells;
  }

  private static String clip(String text) {
    return text.length() <= SystemInfoDocument.MAX_TEXT
        ? text
        : text.substring(0, SystemInfoDocument.MAX_TEXT);
  }
}
