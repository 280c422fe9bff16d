using EdgeSensor.Mqtt;

namespace EdgeSensor.Integration.Tests.Reliability;

/// <summary>A disconnection as the client reported it, with when (milliseconds on the test's stopwatch).</summary>
readonly record struct TimedDisconnection(long AtMs, MqttError Reason, MqttConnectReturnCode ReturnCode);
