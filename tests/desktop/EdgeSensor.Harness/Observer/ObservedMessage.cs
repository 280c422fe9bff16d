using System;

namespace EdgeSensor.Harness.Observer;

/// <summary>One application message as an operator sees it; <see cref="Retain"/> is set when the broker replayed a stored message at subscribe time.</summary>
sealed record ObservedMessage(string Topic, string Text, bool Retain, DateTimeOffset ReceivedAt);
