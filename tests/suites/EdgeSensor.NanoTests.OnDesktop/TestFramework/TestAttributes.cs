using System;

// The attributes of nanoFramework.TestFramework that the NanoTests use, for the desktop build of the same sources.
namespace nanoFramework.TestFramework;

[AttributeUsage(AttributeTargets.Class)]
public sealed class TestClassAttribute : Attribute { }

[AttributeUsage(AttributeTargets.Method)]
public sealed class TestMethodAttribute : Attribute { }

/// <summary>One run of the method with these arguments; nanoFramework's launcher runs each row as a test.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DataRowAttribute : Attribute
{
    public DataRowAttribute(params object[] methodParameters) { MethodParameters = methodParameters; }

    public object[] MethodParameters { get; }
}
