using System;

namespace nanoFramework.TestFramework;

/// <summary>
/// nanoFramework.TestFramework's Assert on desktop .NET: the same overloads (one per primitive type, each with a
/// message), the same outcome (an exception whose message says expected and actual). Only what the NanoTests
/// use is here; the nanoFramework build checks them against the real library.
/// </summary>
public static class Assert
{
    public static void AreEqual(bool expected, bool actual, string message = "") => Check(expected == actual, expected, actual, message);
    public static void AreEqual(byte expected, byte actual, string message = "") => Check(expected == actual, expected, actual, message);
    public static void AreEqual(char expected, char actual, string message = "") => Check(expected == actual, (int)expected, (int)actual, message);
    public static void AreEqual(int expected, int actual, string message = "") => Check(expected == actual, expected, actual, message);
    public static void AreEqual(uint expected, uint actual, string message = "") => Check(expected == actual, expected, actual, message);
    public static void AreEqual(long expected, long actual, string message = "") => Check(expected == actual, expected, actual, message);
    public static void AreEqual(ushort expected, ushort actual, string message = "") => Check(expected == actual, expected, actual, message);
    public static void AreEqual(double expected, double actual, string message = "") => Check(expected.Equals(actual), expected, actual, message);
    public static void AreEqual(string expected, string actual, string message = "") => Check(string.Equals(expected, actual, StringComparison.Ordinal), expected, actual, message);
    public static void AreEqual(object expected, object actual, string message = "") => Check(Equals(expected, actual), expected, actual, message);

    public static void AreNotEqual(int notExpected, int actual, string message = "")
    {
        if (notExpected == actual) throw new AssertFailedException("Assert.AreNotEqual failed. Not expected:<" + notExpected + ">. Actual:<" + actual + ">. " + message);
    }

    public static void IsTrue(bool condition, string message = "")
    {
        if (!condition) throw new AssertFailedException("Assert.IsTrue failed. " + message);
    }

    public static void IsFalse(bool condition, string message = "")
    {
        if (condition) throw new AssertFailedException("Assert.IsFalse failed. " + message);
    }

    public static void IsNull(object value, string message = "")
    {
        if (value != null) throw new AssertFailedException("Assert.IsNull failed. Actual:<" + value + ">. " + message);
    }

    public static void IsNotNull(object value, string message = "")
    {
        if (value == null) throw new AssertFailedException("Assert.IsNotNull failed. " + message);
    }

    public static void Contains(string expected, string value, string message = "")
    {
        if (value == null || !value.Contains(expected, StringComparison.Ordinal)) throw new AssertFailedException("Assert.Contains failed. Expected:<" + expected + "> in <" + value + ">. " + message);
    }

    /// <summary>Passes only when <paramref name="action"/> throws exactly <paramref name="exception"/>, as nanoFramework's does.</summary>
    public static void ThrowsException(Type exception, Action action, string message = "")
    {
        try
        {
            action();
        }
        catch (Exception e) when (e.GetType() == exception)
        {
            return;
        }
        catch (Exception e)
        {
            throw new AssertFailedException("Assert.ThrowsException failed. Expected " + exception.Name + ", got " + e.GetType().Name + ": " + e.Message + ". " + message);
        }
        throw new AssertFailedException("Assert.ThrowsException failed. Expected " + exception.Name + ", nothing was thrown. " + message);
    }

    static void Check(bool equal, object expected, object actual, string message)
    {
        if (!equal) throw new AssertFailedException("Assert.AreEqual failed. Expected:<" + expected + ">. Actual:<" + actual + ">. " + message);
    }
}

public sealed class AssertFailedException : Exception
{
    public AssertFailedException(string message) : base(message) { }
}
