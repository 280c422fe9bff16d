using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using DataRowAttribute = nanoFramework.TestFramework.DataRowAttribute;
using TestClassAttribute = nanoFramework.TestFramework.TestClassAttribute;
using TestMethodAttribute = nanoFramework.TestFramework.TestMethodAttribute;

namespace EdgeSensor.NanoTests.OnDesktop;

/// <summary>
/// Every [TestMethod] (and every [DataRow]) of the NanoTests as one xunit case, run the way nanoFramework's
/// UnitTestLauncher runs it on the device: without a test-class instance to keep state in.
/// </summary>
public sealed class NanoTestCases
{
    static readonly Assembly Tests = typeof(NanoTestCases).Assembly;

    public static IEnumerable<object[]> Cases()
    {
        foreach (Type type in TestClasses())
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                DataRowAttribute[] rows = method.GetCustomAttributes<DataRowAttribute>().ToArray();
                if (rows.Length > 0)
                {
                    for (int row = 0; row < rows.Length; row++) yield return new object[] { type.FullName + "." + method.Name, row };
                }
                else if (method.IsDefined(typeof(TestMethodAttribute)))
                {
                    yield return new object[] { type.FullName + "." + method.Name, -1 };
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runs(string test, int row)
    {
        int dot = test.LastIndexOf('.');
        Type type = Tests.GetType(test.Substring(0, dot), throwOnError: true);
        MethodInfo method = type.GetMethod(test.Substring(dot + 1), BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        object[] arguments = row < 0 ? null : method.GetCustomAttributes<DataRowAttribute>().ElementAt(row).MethodParameters;
        // nanoFramework invokes test methods with a null instance; an instance without fields behaves the same.
        object instance = method.IsStatic ? null : Activator.CreateInstance(type);
        try
        {
            method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    [Fact]
    public void TestClassesKeepNoStateInInstanceFields()
    {
        // The launcher on the device calls test methods without an instance: instance state would be a null reference there.
        string[] offenders = TestClasses()
            .SelectMany(type => type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(field => type.Name + "." + field.Name))
            .ToArray();
        Assert.True(offenders.Length == 0, "instance fields in test classes: " + string.Join(", ", offenders));
    }

    [Fact]
    public void FindsTheNanoTests()
    {
        Assert.True(Cases().Count() >= 10, "no NanoTests found in " + Tests.FullName);
    }

    static IEnumerable<Type> TestClasses() => Tests.GetTypes().Where(type => type.IsDefined(typeof(TestClassAttribute))).OrderBy(type => type.FullName, StringComparer.Ordinal);
}
