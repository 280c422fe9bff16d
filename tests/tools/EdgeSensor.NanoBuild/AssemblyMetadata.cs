using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeSensor.NanoBuild;

/// <summary>What the tool reads from a compiled assembly: its references, and the unit tests it declares.</summary>
static class AssemblyMetadata
{
    public static List<string> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (AssemblyReferenceHandle handle in reader.AssemblyReferences) names.Add(reader.GetString(reader.GetAssemblyReference(handle).Name));
        return names;
    }

    /// <summary>
    /// The tests nanoFramework's UnitTestLauncher will report, named as it names them: "Namespace.Class.Method",
    /// one entry per [TestMethod] and per [DataRow] of each public method of a [TestClass] type.
    /// </summary>
    public static List<string> DeclaredTests(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var tests = new List<string>();
        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(typeHandle);
            if (!HasAttribute(reader, type.GetCustomAttributes(), "TestClassAttribute")) continue;
            string typeName = reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if ((method.Attributes & System.Reflection.MethodAttributes.Public) == 0) continue;
                int rows = CountAttributes(reader, method.GetCustomAttributes(), "DataRowAttribute");
                int runs = rows > 0 ? rows : CountAttributes(reader, method.GetCustomAttributes(), "TestMethodAttribute");
                for (int i = 0; i < runs; i++) tests.Add(typeName + "." + reader.GetString(method.Name));
            }
        }
        return tests;
    }

    static bool HasAttribute(MetadataReader reader, CustomAttributeHandleCollection attributes, string name) => CountAttributes(reader, attributes, name) > 0;

    static int CountAttributes(MetadataReader reader, CustomAttributeHandleCollection attributes, string name)
    {
        int count = 0;
        foreach (CustomAttributeHandle handle in attributes)
        {
            if (AttributeTypeName(reader, reader.GetCustomAttribute(handle)) == name) count++;
        }
        return count;
    }

    static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => null,
        };
    }
}
