using System;

namespace EdgeSensor.Device
{
    /// <summary>
    /// Numbers, read by hand: the device's Parse methods follow the current culture and differ between
    /// targets, and the grammar (no leading zeros, no '+', no bare '.') must be RFC 8259's anyway.
    /// </summary>
    public sealed partial class JsonReader
    {
        /// <summary>Significant digits kept; 18 nines still fit in a long.</summary>
        const int MaxSignificantDigits = 18;

        /// <summary>Exponents beyond this are infinite or zero whatever the mantissa; clamping keeps the sums in range.</summary>
        const int ExponentClamp = 100000;

        /// <summary>The largest integer a double holds exactly: up to it, one multiplication or division is correctly rounded.</summary>
        const long ExactMantissaLimit = 9007199254740992L;

        /// <summary>Powers of ten a double represents exactly.</summary>
        static readonly double[] ExactPowersOf10 = new double[]
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>
        /// The value of a Number token written without fraction or exponent that fits an int; false otherwise
        /// (10.0 and 1e3 are not integers here: configuration wants them written as such).
        /// </summary>
        public bool TryGetInt32(out int value)
        {
            RequireNumberToken("TryGetInt32");
            value = 0;
            if (!numberIsInteger)
            {
                return false;
            }

            int index = valueStart;
            bool negative = buffer[index] == (byte)'-';
            if (negative)
            {
                index++;
            }

            if (valueEnd - index > 10)
            {
                return false;
            }

            long magnitude = 0;
            for (; index < valueEnd; index++)
            {
                magnitude = (magnitude * 10) + (buffer[index] - '0');
            }

            long signed = negative ? -magnitude : magnitude;
            if (signed < int.MinValue || signed > int.MaxValue)
            {
                return false;
            }

            value = (int)signed;
            return true;
        }

        /// <summary>
        /// The value of a Number token; false when it is too large for a double. Correctly rounded for up to 15
        /// significant digits with a decimal exponent within ±22 (every value a sensor configuration holds);
        /// beyond that within a few units in the last place. Underflow gives zero.
        /// </summary>
        public bool TryGetDouble(out double value)
        {
            RequireNumberToken("TryGetDouble");
            int index = valueStart;
            bool negative = buffer[index] == (byte)'-';
            if (negative)
            {
                index++;
            }

            long mantissa = 0;
            int significant = 0;
            long exponent = 0;
            for (; index < valueEnd && IsDigit(buffer[index]); index++)
            {
                if (significant < MaxSignificantDigits)
                {
                    mantissa = (mantissa * 10) + (buffer[index] - '0');
                    if (mantissa != 0)
                    {
                        significant++;
                    }
                }
                else
                {
                    exponent++;
                }
            }

            if (index < valueEnd && buffer[index] == (byte)'.')
            {
                for (index++; index < valueEnd && IsDigit(buffer[index]); index++)
                {
                    if (significant < MaxSignificantDigits)
                    {
                        mantissa = (mantissa * 10) + (buffer[index] - '0');
                        exponent--;
                        if (mantissa != 0)
                        {
                            significant++;
                        }
                    }
                }
            }

            if (index < valueEnd)
            {
                // 'e' or 'E', then an optional sign and at least one digit: ScanNumber checked it.
                index++;
                bool negativeExponent = buffer[index] == (byte)'-';
                if (buffer[index] == (byte)'-' || buffer[index] == (byte)'+')
                {
                    index++;
                }

                long written = 0;
                for (; index < valueEnd; index++)
                {
                    if (written < ExponentClamp)
                    {
                        written = (written * 10) + (buffer[index] - '0');
                    }
                }

                exponent += negativeExponent ? -written : written;
            }

            if (exponent > ExponentClamp)
            {
                exponent = ExponentClamp;
            }
            else if (exponent < -ExponentClamp)
            {
                exponent = -ExponentClamp;
            }

            double result = Scale(mantissa, (int)exponent);
            value = negative ? -result : result;
            return !double.IsInfinity(result);
        }

        /// <summary>The text of a Number token, as written (for messages). Allocates.</summary>
        public string GetNumberText()
        {
            RequireNumberToken("GetNumberText");
            char[] chars = new char[valueEnd - valueStart];
            for (int index = valueStart; index < valueEnd; index++)
            {
                chars[index - valueStart] = (char)buffer[index];
            }

            return new string(chars);
        }

        static double Scale(long mantissa, int exponent)
        {
            double result = mantissa;
            if (mantissa == 0 || exponent == 0)
            {
                return result;
            }

            if (exponent > 0)
            {
                while (exponent > 22 && !double.IsInfinity(result))
                {
                    result *= 1e22;
                    exponent -= 22;
                }

                return exponent > 22 ? result : result * ExactPowersOf10[exponent];
            }

            exponent = -exponent;
            if (mantissa <= ExactMantissaLimit && exponent <= 22)
            {
                return result / ExactPowersOf10[exponent];
            }

            while (exponent > 22 && result != 0)
            {
                result /= 1e22;
                exponent -= 22;
            }

            return exponent > 22 ? result : result / ExactPowersOf10[exponent];
        }

        /// <summary>Scans a number at the current position against RFC 8259's grammar.</summary>
        void ScanNumber()
        {
            int index = position;
            if (buffer[index] == (byte)'-')
            {
                index++;
            }

            if (index == end)
            {
                Fail("unexpected end of input inside a number", index);
            }

            if (buffer[index] == (byte)'0')
            {
                index++;
                if (index < end && IsDigit(buffer[index]))
                {
                    Fail("invalid number (leading zeros are not allowed)", position);
                }
            }
            else if (IsDigit(buffer[index]))
            {
                while (index < end && IsDigit(buffer[index]))
                {
                    index++;
                }
            }
            else
            {
                Fail("invalid number (expected a digit)", index);
            }

            bool integer = true;
            if (index < end && buffer[index] == (byte)'.')
            {
                index = ScanDigits(index + 1, "invalid number (expected a digit after the decimal point)");
                integer = false;
            }

            if (index < end && (buffer[index] == (byte)'e' || buffer[index] == (byte)'E'))
            {
                index++;
                if (index < end && (buffer[index] == (byte)'+' || buffer[index] == (byte)'-'))
                {
                    index++;
                }

                index = ScanDigits(index, "invalid number (expected a digit in the exponent)");
                integer = false;
            }

            if (index < end && !IsDelimiter(buffer[index]))
            {
                Fail("invalid number (unexpected character after it)", index);
            }

            tokenType = JsonTokenType.Number;
            tokenStart = position;
            valueStart = position;
            valueEnd = index;
            numberIsInteger = integer;
            position = index;
        }

        /// <summary>One or more digits from <paramref name="index"/>; returns the index after them.</summary>
        int ScanDigits(int index, string problem)
        {
            if (index == end)
            {
                Fail("unexpected end of input inside a number", index);
            }

            if (!IsDigit(buffer[index]))
            {
                Fail(problem, index);
            }

            while (index < end && IsDigit(buffer[index]))
            {
                index++;
            }

            return index;
        }

        void RequireNumberToken(string operation)
        {
            if (tokenType != JsonTokenType.Number)
            {
                throw new InvalidOperationException(operation + " needs the reader on a Number token");
            }
        }
    }
}
