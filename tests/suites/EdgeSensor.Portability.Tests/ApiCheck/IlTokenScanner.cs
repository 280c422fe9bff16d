using System;
using System.Collections.Generic;
using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// Walks a method body's IL instruction by instruction and yields the metadata tokens in its operands
/// (ECMA-335 partition III): the types, members and signatures the method's code touches.
/// </summary>
static class IlTokenScanner
{
    // The 'no.' prefix (ECMA-335 III.2.2) has no ILOpCode member.
    const ILOpCode NoPrefix = (ILOpCode)0xFE19;

    public static IEnumerable<int> Tokens(byte[] il)
    {
        int offset = 0;
        while (offset < il.Length)
        {
            ILOpCode opCode = ReadOpCode(il, ref offset);
            if (HasTokenOperand(opCode))
            {
                yield return BitConverter.ToInt32(il, offset);
                offset += 4;
            }
            else
            {
                offset += OtherOperandSize(opCode, il, offset);
            }
        }
    }

    static ILOpCode ReadOpCode(byte[] il, ref int offset)
    {
        byte first = il[offset++];
        if (first != 0xFE)
        {
            return (ILOpCode)first;
        }

        return (ILOpCode)(0xFE00 | il[offset++]);
    }

    static bool HasTokenOperand(ILOpCode opCode)
    {
        switch (opCode)
        {
            case ILOpCode.Jmp:
            case ILOpCode.Call:
            case ILOpCode.Calli:
            case ILOpCode.Callvirt:
            case ILOpCode.Newobj:
            case ILOpCode.Ldftn:
            case ILOpCode.Ldvirtftn:
            case ILOpCode.Ldfld:
            case ILOpCode.Ldflda:
            case ILOpCode.Stfld:
            case ILOpCode.Ldsfld:
            case ILOpCode.Ldsflda:
            case ILOpCode.Stsfld:
            case ILOpCode.Ldtoken:
            case ILOpCode.Ldstr:
            case ILOpCode.Cpobj:
            case ILOpCode.Ldobj:
            case ILOpCode.Stobj:
            case ILOpCode.Castclass:
            case ILOpCode.Isinst:
            case ILOpCode.Box:
            case ILOpCode.Unbox:
            case ILOpCode.Unbox_any:
            case ILOpCode.Newarr:
            case ILOpCode.Ldelema:
            case ILOpCode.Ldelem:
            case ILOpCode.Stelem:
            case ILOpCode.Refanyval:
            case ILOpCode.Mkrefany:
            case ILOpCode.Initobj:
            case ILOpCode.Constrained:
            case ILOpCode.Sizeof:
                return true;
            default:
                return false;
        }
    }

    static int OtherOperandSize(ILOpCode opCode, byte[] il, int operandOffset)
    {
        if (opCode.IsBranch())
        {
            return opCode.GetBranchOperandSize();
        }

        switch (opCode)
        {
            case ILOpCode.Switch:
                int targetCount = BitConverter.ToInt32(il, operandOffset);
                return 4 + (4 * targetCount);
            case ILOpCode.Ldarg_s:
            case ILOpCode.Ldarga_s:
            case ILOpCode.Starg_s:
            case ILOpCode.Ldloc_s:
            case ILOpCode.Ldloca_s:
            case ILOpCode.Stloc_s:
            case ILOpCode.Ldc_i4_s:
            case ILOpCode.Unaligned:
            case NoPrefix:
                return 1;
            case ILOpCode.Ldarg:
            case ILOpCode.Ldarga:
            case ILOpCode.Starg:
            case ILOpCode.Ldloc:
            case ILOpCode.Ldloca:
            case ILOpCode.Stloc:
                return 2;
            case ILOpCode.Ldc_i4:
            case ILOpCode.Ldc_r4:
                return 4;
            case ILOpCode.Ldc_i8:
            case ILOpCode.Ldc_r8:
                return 8;
            default:
                return 0;
        }
    }
}
