using System;
using System.Collections.Generic;
using System.Threading;
using EdgeSensor.Device.Ports;

namespace EdgeSensor.SimulatedBoard;

/// <summary>
/// A GPIO output (relay module, LED) that records what it is driven to: the current level, every write in
/// order, and how many writes changed the level. It starts low, as a pin does before it is configured.
/// </summary>
public sealed class SimulatedDigitalOutput : IDigitalOutput
{
    readonly Lock gate = new();
    readonly List<bool> writes = new();
    bool level;
    int changeCount;

    public SimulatedDigitalOutput(int pin)
    {
        Pin = pin;
    }

    /// <summary>Raised after every write, with the level written (on the writing thread).</summary>
    public event Action<bool> Written;

    public int Pin { get; }

    /// <summary>The electrical level: true is high.</summary>
    public bool Level
    {
        get { lock (gate) return level; }
    }

    public int WriteCount
    {
        get { lock (gate) return writes.Count; }
    }

    /// <summary>Writes that changed the level.</summary>
    public int ChangeCount
    {
        get { lock (gate) return changeCount; }
    }

    /// <summary>Every level written, oldest first (a copy).</summary>
    public bool[] History
    {
        get { lock (gate) return writes.ToArray(); }
    }

    public void Write(bool high)
    {
        lock (gate)
        {
            if (high != level) changeCount++;
            level = high;
            writes.Add(high);
        }

        Written?.Invoke(high);
    }
}
