using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using EdgeSensor.Portability.Tests.ApiCheck;

namespace EdgeSensor.ApiListingTool;

/// <summary>
/// The doc IDs of what code outside an assembly can use: public types (nested ones when public or protected inside
/// such a type) and their public and protected members. Each member appears on the type that declares it only;
/// accessors appear as their property or event.
/// </summary>
static class PublicApi
{
    public static SortedSet<string> Read(string assemblyPath, out string assemblyName)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        assemblyName = reader.GetString(reader.GetAssemblyDefinition().Name);

        var ids = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            if (IsVisible(reader, handle)) AddType(reader, handle, ids);
        }
        return ids;
    }

    static void AddType(MetadataReader reader, TypeDefinitionHandle handle, SortedSet<string> ids)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        ids.Add(DefinitionDocIds.Of(reader, handle));

        // Accessors are listed as their property or event, never as get_X/set_X/add_X/remove_X methods.
        var accessors = new HashSet<MethodDefinitionHandle>();
        foreach (PropertyDefinitionHandle property in type.GetProperties())
        {
            PropertyAccessors methods = reader.GetPropertyDefinition(property).GetAccessors();
            accessors.Add(methods.Getter);
            accessors.Add(methods.Setter);
            if (IsVisible(reader, methods.Getter) || IsVisible(reader, methods.Setter)) ids.Add(DefinitionDocIds.Of(reader, handle, property));
        }
        foreach (EventDefinitionHandle definition in type.GetEvents())
        {
            EventAccessors methods = reader.GetEventDefinition(definition).GetAccessors();
            accessors.Add(methods.Adder);
            accessors.Add(methods.Remover);
            accessors.Add(methods.Raiser);
            if (IsVisible(reader, methods.Adder) || IsVisible(reader, methods.Remover)) ids.Add(DefinitionDocIds.Of(reader, handle, definition));
        }

        foreach (MethodDefinitionHandle method in type.GetMethods())
        {
            if (!accessors.Contains(method) && IsVisible(reader, method)) ids.Add(DefinitionDocIds.Of(reader, method));
        }
        foreach (FieldDefinitionHandle field in type.GetFields())
        {
            FieldDefinition definition = reader.GetFieldDefinition(field);
            // An enum's value__ is how the runtime stores it, not a member anyone names.
            if ((definition.Attributes & FieldAttributes.RTSpecialName) != 0) continue;
            if (IsVisible(definition.Attributes & FieldAttributes.FieldAccessMask)) ids.Add(DefinitionDocIds.Of(reader, field));
        }
    }

    static bool IsVisible(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        switch (type.Attributes & TypeAttributes.VisibilityMask)
        {
            case TypeAttributes.Public:
                return true;
            case TypeAttributes.NestedPublic:
            case TypeAttributes.NestedFamily:
            case TypeAttributes.NestedFamORAssem:
                return IsVisible(reader, type.GetDeclaringType());
            default:
                return false;
        }
    }

    static bool IsVisible(MetadataReader reader, MethodDefinitionHandle handle)
    {
        if (handle.IsNil) return false;
        MethodAttributes access = reader.GetMethodDefinition(handle).Attributes & MethodAttributes.MemberAccessMask;
        return access == MethodAttributes.Public || access == MethodAttributes.Family || access == MethodAttributes.FamORAssem;
    }

    static bool IsVisible(FieldAttributes access)
    {
        return access == FieldAttributes.Public || access == FieldAttributes.Family || access == FieldAttributes.FamORAssem;
    }
}
