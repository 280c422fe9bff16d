using System;

// Types whose public API the listing tool must read exactly: one of each kind of member the listing has, next to
// what it must leave out. Unused members are the point here, so the compiler's warnings about them are off.
#pragma warning disable CS0067, CS0169, CS0414, CS0649

namespace EdgeSensor.Portability.Tests.ListingTool.ListingSamples;

public class Visible
{
    public const int Constant = 1;
    public int Field;
    protected internal int ProtectedInternalField;
    internal int InternalField;
    int privateField;

    public Visible()
    {
    }

    protected Visible(int value)
    {
    }

    Visible(string text)
    {
    }

    public event EventHandler? Changed;

    public int Property { get; private set; }

    int PrivateProperty { get; set; }

    public int this[int index] => index;

    public static Visible operator +(Visible left, Visible right) => left;

    public static implicit operator int(Visible value) => 0;

    public void Method(ref int value, int[] values)
    {
    }

    protected virtual void Overridable()
    {
    }

    internal void InternalMethod()
    {
    }

    public class NestedPublic
    {
    }

    protected class NestedProtected
    {
        public void Inside()
        {
        }
    }

    class NestedPrivate
    {
        public void Inside()
        {
        }
    }
}

/// <summary>Inherits every member of <see cref="Visible"/>, and declares none of its own but the constructor.</summary>
public class Derived : Visible
{
}

public enum Kind
{
    First,
    Second,
}

class Hidden
{
    public void Method()
    {
    }
}
