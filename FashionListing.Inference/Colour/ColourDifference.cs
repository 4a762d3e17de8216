namespace FashionListing.Inference.Colour;

/// <summary>Perceptual distances between CIELAB colours.</summary>
public static class ColourDifference
{
    private const double Pow25To7 = 6103515625.0; // 25^7

    /// <summary>CIE76: the Euclidean distance in Lab. About 2.3 is a just-noticeable difference.</summary>
    public static double Cie76(LabColour first, LabColour second)
    {
        double dl = first.L - second.L;
        double da = first.A - second.A;
        double db = first.B - second.B;

        return Math.Sqrt((dl * dl) + (da * da) + (db * db));
    }

    /// <summary>
    /// CIEDE2000 with unit weights (kL = kC = kH = 1), as defined by CIE 142-2001 and written out by
    /// Sharma, Wu and Dalal (2005). It corrects CIE76's overstatement of differences in saturated
    /// colours and its understatement among blues and greys.
    /// </summary>
    public static double Ciede2000(LabColour first, LabColour second)
    {
        double c1 = Math.Sqrt((first.A * first.A) + (first.B * first.B));
        double c2 = Math.Sqrt((second.A * second.A) + (second.B * second.B));
        double meanC = (c1 + c2) / 2.0;
        double meanC7 = Math.Pow(meanC, 7);
        double g = 0.5 * (1.0 - Math.Sqrt(meanC7 / (meanC7 + Pow25To7)));

        double a1 = (1.0 + g) * first.A;
        double a2 = (1.0 + g) * second.A;
        double c1Prime = Math.Sqrt((a1 * a1) + (first.B * first.B));
        double c2Prime = Math.Sqrt((a2 * a2) + (second.B * second.B));
        double h1 = HueDegrees(first.B, a1);
        double h2 = HueDegrees(second.B, a2);

        double deltaL = second.L - first.L;
        double deltaC = c2Prime - c1Prime;
        double deltaHue = 0.0;
        if (c1Prime * c2Prime != 0.0)
        {
            deltaHue = h2 - h1;
            if (deltaHue > 180.0)
            {
                deltaHue -= 360.0;
            }
            else if (deltaHue < -180.0)
            {
                deltaHue += 360.0;
            }
        }

        double deltaH = 2.0 * Math.Sqrt(c1Prime * c2Prime) * Math.Sin(Radians(deltaHue / 2.0));

        double meanL = (first.L + second.L) / 2.0;
        double meanCPrime = (c1Prime + c2Prime) / 2.0;
        double meanHue = h1 + h2;
        if (c1Prime * c2Prime != 0.0)
        {
            if (Math.Abs(h1 - h2) <= 180.0)
            {
                meanHue /= 2.0;
            }
            else
            {
                meanHue = meanHue < 360.0 ? (meanHue + 360.0) / 2.0 : (meanHue - 360.0) / 2.0;
            }
        }

        double t = 1.0
            - (0.17 * Math.Cos(Radians(meanHue - 30.0)))
            + (0.24 * Math.Cos(Radians(2.0 * meanHue)))
            + (0.32 * Math.Cos(Radians((3.0 * meanHue) + 6.0)))
            - (0.20 * Math.Cos(Radians((4.0 * meanHue) - 63.0)));
        double lightOffset = (meanL - 50.0) * (meanL - 50.0);
        double sl = 1.0 + (0.015 * lightOffset / Math.Sqrt(20.0 + lightOffset));
        double sc = 1.0 + (0.045 * meanCPrime);
        double sh = 1.0 + (0.015 * meanCPrime * t);
        double hueOffset = (meanHue - 275.0) / 25.0;
        double deltaTheta = 30.0 * Math.Exp(-(hueOffset * hueOffset));
        double meanCPrime7 = Math.Pow(meanCPrime, 7);
        double rc = 2.0 * Math.Sqrt(meanCPrime7 / (meanCPrime7 + Pow25To7));
        double rt = -Math.Sin(Radians(2.0 * deltaTheta)) * rc;

        double termL = deltaL / sl;
        double termC = deltaC / sc;
        double termH = deltaH / sh;

        return Math.Sqrt((termL * termL) + (termC * termC) + (termH * termH) + (rt * termC * termH));
    }

    private static double HueDegrees(double b, double aPrime)
    {
        if (b == 0.0 && aPrime == 0.0)
        {
            return 0.0;
        }

        double degrees = Math.Atan2(b, aPrime) * 180.0 / Math.PI;

        return degrees < 0.0 ? degrees + 360.0 : degrees;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;
}
