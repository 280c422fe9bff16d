using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Desktop.Fleet;
using EdgeSensor.Device.Config;
using EdgeSensor.FleetProbe;
// Runs DEVICES simulated devices (telemetry every second) against a private mosquitto for SECONDS, samples the
// fleet every 5 s, stops it gracefully and checks that every device's retained status is offline.
// A measurement tool, not a test: it prints figures and exits non-zero when the fleet did not hold up.

if (args.Length < 2 || !int.TryParse(args[0], out int count) || !int.TryParse(args[1], out int seconds) || count < 1 || seconds < 1)
{
    Console.Error.WriteLine("usage: EdgeSensor.FleetProbe DEVICES SECONDS");
    return 2;
}

const int SampleSeconds = 5;
TimeSpan deadline = TimeSpan.FromSeconds(120);
var culture = CultureInfo.InvariantCulture;

byte[] sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "simulated.json"));
DeviceConfig template = DeviceConfigParser.Parse(sample, 0, sample.Length);
template.Id = "sim-001";
template.TelemetryIntervalSeconds = 1;

var brokerOptions = new PrivateBrokerOptions();
// mosquitto 2.0's default already; stated so that the run does not depend on it. Its open-file limit is ours (inherited).
brokerOptions.ExtraConfigLines.Add("max_connections -1");
using PrivateBroker broker = PrivateBroker.StartNew(brokerOptions);
Console.WriteLine(string.Format(culture, "broker pid {0} on port {1}; open files limit: probe {2}, broker {3}; {4} processors",
    broker.Pid, broker.Port, LinuxProcessFigures.OpenFilesLimit("self"), LinuxProcessFigures.OpenFilesLimit(broker.Pid.ToString(culture)), Environment.ProcessorCount));

using var statuses = new FleetObserver(broker.Host, broker.Port, template.Prefix, watchTelemetry: false);
statuses.Start(deadline);
using var tap = new TelemetryTap(broker.Host, broker.Port, template.Prefix);
if (!tap.WaitSubscribed(deadline)) throw new TimeoutException("mosquitto_sub did not subscribe");

var self = Process.GetCurrentProcess();
TimeSpan cpuBefore = self.TotalProcessorTime;
double brokerCpuBefore = LinuxProcessFigures.CpuSeconds(broker.Pid);
var fleet = new DeviceFleet(template, count, broker.Host, broker.Port);
string[] ids = fleet.Ids;
var clock = Stopwatch.StartNew();
fleet.Start();

double allOnlineAt = double.NaN;
int minOnlineAfterAll = int.MaxValue;
long lastPublished = 0, lastReceived = 0;
double lastSampleAt = 0;
double steadyPublished = 0, steadyReceived = 0, steadySeconds = 0;
Console.WriteLine("   t/s  online  reported  published/s  delivered/s  threads  rss/MiB");
while (clock.Elapsed.TotalSeconds < seconds)
{
    Thread.Sleep(250); // sampling cadence of a measuring tool, not a synchronisation
    int online = fleet.Online;
    double t = clock.Elapsed.TotalSeconds;
    if (double.IsNaN(allOnlineAt) && online == count) allOnlineAt = t;
    if (!double.IsNaN(allOnlineAt)) minOnlineAfterAll = Math.Min(minOnlineAfterAll, online);
    if (t - lastSampleAt < SampleSeconds && t < seconds) continue;

    long published = fleet.TelemetryPublished;
    long received = tap.Received;
    double span = t - lastSampleAt;
    double publishedRate = (published - lastPublished) / span;
    double receivedRate = (received - lastReceived) / span;
    if (!double.IsNaN(allOnlineAt) && lastSampleAt >= allOnlineAt)
    {
        steadyPublished += published - lastPublished;
        steadyReceived += received - lastReceived;
        steadySeconds += span;
    }

    self.Refresh();
    Console.WriteLine(string.Format(culture, "{0,6:F1}  {1,6}  {2,8}  {3,11:F1}  {4,11:F1}  {5,7}  {6,7:F1}",
        t, online, statuses.CountWithStatus(ids, "online"), publishedRate, receivedRate, self.Threads.Count, self.WorkingSet64 / 1048576.0));
    lastPublished = published;
    lastReceived = received;
    lastSampleAt = t;
}

int onlineAtEnd = fleet.Online;
var stopClock = Stopwatch.StartNew();
fleet.Stop();
double stopSeconds = stopClock.Elapsed.TotalSeconds;
double runSeconds = clock.Elapsed.TotalSeconds;
self.Refresh();
double cpuSeconds = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
double brokerCpuSeconds = LinuxProcessFigures.CpuSeconds(broker.Pid) - brokerCpuBefore;
int threads = self.Threads.Count;

using var late = new FleetObserver(broker.Host, broker.Port, template.Prefix, watchTelemetry: false);
late.Start(deadline);
bool allOffline = late.WaitUntil(() => late.CountWithStatus(ids, "offline") == count, deadline);
int offline = late.CountWithStatus(ids, "offline");
int retained = ids.Count(late.StatusWasRetained);
string log = broker.ReadLog();
int disconnected = ids.Count(id => log.Contains("Client " + id + " disconnected.", StringComparison.Ordinal));

Console.WriteLine();
Console.WriteLine(string.Format(culture, "devices                     {0}", count));
Console.WriteLine(string.Format(culture, "fleet threads               {0} (process threads {1})", fleet.ThreadCount, threads));
Console.WriteLine(string.Format(culture, "all online after            {0:F1} s", allOnlineAt));
Console.WriteLine(string.Format(culture, "online at end               {0} (lowest once all were online: {1})", onlineAtEnd, minOnlineAfterAll == int.MaxValue ? -1 : minOnlineAfterAll));
Console.WriteLine(string.Format(culture, "telemetry published/s       {0:F1} (steady state, after all were online)", steadySeconds > 0 ? steadyPublished / steadySeconds : double.NaN));
Console.WriteLine(string.Format(culture, "telemetry delivered/s       {0:F1} (mosquitto_sub, {1} senders seen)", steadySeconds > 0 ? steadyReceived / steadySeconds : double.NaN, tap.Senders));
Console.WriteLine(string.Format(culture, "telemetry published total   {0}", fleet.TelemetryPublished));
Console.WriteLine(string.Format(culture, "probe CPU                   {0:F1} s over {1:F0} s ({2:F0} % of one core)", cpuSeconds, runSeconds, 100 * cpuSeconds / runSeconds));
Console.WriteLine(string.Format(culture, "probe peak RSS              {0:F1} MiB", self.PeakWorkingSet64 / 1048576.0));
Console.WriteLine(string.Format(culture, "load average                {0}", File.ReadAllText("/proc/loadavg").Trim()));
Console.WriteLine(string.Format(culture, "broker CPU                  {0:F1} s; peak RSS {1:F1} MiB", brokerCpuSeconds, LinuxProcessFigures.PeakRssMiB(broker.Pid)));
Console.WriteLine(string.Format(culture, "stop took                   {0:F1} s", stopSeconds));
Console.WriteLine(string.Format(culture, "retained offline after stop {0} of {1} ({2} retained); DISCONNECT logged for {3}", offline, count, retained, disconnected));
if (fleet.Failures != null) Console.WriteLine("shard failures: " + fleet.Failures);
bool ok = allOffline && retained == count && !double.IsNaN(allOnlineAt) && fleet.Failures == null;
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;
