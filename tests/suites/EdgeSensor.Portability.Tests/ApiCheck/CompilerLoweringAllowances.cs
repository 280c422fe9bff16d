using System;
using System.Collections.Generic;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// References the net10.0 build contains but the device build would not, because the C# compiler emits
/// them only when the target's class library has them and silently does without otherwise. Everything
/// here is an exact doc ID; nothing else is excused.
/// </summary>
static class CompilerLoweringAllowances
{
    // Roslyn adds [assembly: CompilationRelaxations(8)], [assembly: RuntimeCompatibility(WrapNonExceptionThrows = true)]
    // and [CompilerGenerated] (on auto-property accessors, closures, state machines) as synthesized
    // attributes it treats as optional (WellKnownMembers.IsSynthesizedAttributeOptional): when the corlib
    // lacks the constructor it emits nothing. nanoFramework's mscorlib (nanoframework-api-v1.txt) lacks all three, so
    // the device build carries none of them; they are accepted only as attributes, not as code.
    static readonly HashSet<string> OptionalSynthesizedAttributeConstructors = new(StringComparer.Ordinal)
    {
        "M:System.Runtime.CompilerServices.CompilationRelaxationsAttribute.#ctor(System.Int32)",
        "M:System.Runtime.CompilerServices.RuntimeCompatibilityAttribute.#ctor",
        "M:System.Runtime.CompilerServices.CompilerGeneratedAttribute.#ctor",
    };

    static readonly HashSet<string> OptionalSynthesizedAttributeArguments = new(StringComparer.Ordinal)
    {
        "P:System.Runtime.CompilerServices.RuntimeCompatibilityAttribute.WrapNonExceptionThrows",
    };

    // 'lock' lowers to Monitor.Enter(object, ref bool) when the corlib has it, and to the older
    // Monitor.Enter(object) pattern otherwise; the device has only the latter. Accepted only when the
    // fallback itself is in the listing.
    static readonly Dictionary<string, string> LoweringFallbacks = new(StringComparer.Ordinal)
    {
        ["M:System.Threading.Monitor.Enter(System.Object,System.Boolean@)"] = "M:System.Threading.Monitor.Enter(System.Object)",
    };

    // Roslyn marks a module [RefSafetyRules(11)] when it compiles with C# 11+ or against a corlib whose
    // RuntimeFeature has ByRefFields, as net7.0 and later do (SourceModuleSymbol.UseUpdatedEscapeRules).
    // nanoFramework's RuntimeFeature has no ByRefFields (nanoframework-api-v1.txt), so a C# 10 device build carries no
    // such attribute. Accepted only on the module and only for builds pinned to C# 10 or lower.
    const string RefSafetyRulesConstructor = "M:System.Runtime.CompilerServices.RefSafetyRulesAttribute.#ctor(System.Int32)";

    public static bool IsOptionalSynthesizedAttribute(string constructorDocId, ReferenceSite site, CheckOptions options)
    {
        return site switch
        {
            ReferenceSite.ModuleAttribute when constructorDocId == RefSafetyRulesConstructor => options.LanguageVersionAtMost10,
            ReferenceSite.Attribute or ReferenceSite.ModuleAttribute => OptionalSynthesizedAttributeConstructors.Contains(constructorDocId),
            _ => false,
        };
    }

    public static bool IsOptionalSynthesizedAttributeArgument(string memberDocId)
    {
        return OptionalSynthesizedAttributeArguments.Contains(memberDocId);
    }

    public static string? LoweringFallbackFor(string memberDocId)
    {
        return LoweringFallbacks.TryGetValue(memberDocId, out string? fallback) ? fallback : null;
    }
}
