using System;
using System.Collections.Generic;
using System.Threading;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// A PWM channel that records its duty cycle: the current percent, every value set in order, and how many
/// settings changed it. It starts at 0 %. A duty cycle outside 0..100 is a bug in the caller and throws.
/// </summary>
public sealed class SimulatedPwmOutput : IPwmOutput
{
    readonly Lock gate = new();
    readonly List<int> writes = new();
    int dutyPercent;
    int changeCount;

    public SimulatedPwmOutput(int pin, int frequencyHz)
    {
        Pin = pin;
        FrequencyHz = frequencyHz;
    }

    /// <summary>Raised after every setting, with the percent set (on the setting thread).</summary>
    public event Action<int> Written;

    public int Pin { get; }

    public int FrequencyHz { get; }

    public int DutyPercent
    {
        get { lock (gate) return dutyPercent; }
    }

    public int WriteCount
    {
        get { lock (gate) return writes.Count; }
    }

    /// <summary>Settings that changed the duty cycle.</summary>
    public int ChangeCount
    {
        get { lock (gate) return changeCount; }
    }

    /// <summary>Every percent set, oldest first (a copy).</summary>
    public int[] History
    {
        get { lock (gate) return writes.ToArray(); }
    }

    public void SetDutyPercent(int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        lock (gate)
        {
            if (percent != dutyPercent) changeCount++;
            dutyPercent = percent;
            writes.Add(percent);
        }

        Written?.Invoke(percent);
    }
}
