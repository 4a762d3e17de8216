using FashionListing.Inference.Segmentation;
using OpenCvSharp;

namespace FashionListing.Tools.Segmentation;

/// <summary>
/// The training-time teacher: OpenCV GrabCut on a copy whose long side is 320 pixels, initialised
/// with a rectangle of 90% of the copy (the outer 5% is certain background), then the largest
/// region with holes filled. Needs the OpenCV native runtime, which needs libgtk-3-0.
/// </summary>
internal static class GrabCutTeacher
{
    public const int LongSide = 320;

    /// <summary>The teacher's mask at the 320-px copy's size (1 = garment).</summary>
    public static (byte[] Mask, int Width, int Height) Label(string photoPath, int iterations)
    {
        using Mat photo = Cv2.ImRead(photoPath, ImreadModes.Color);
        if (photo.Empty())
        {
            throw new InvalidDataException($"OpenCV could not read {photoPath}.");
        }

        double scale = (double)LongSide / Math.Max(photo.Width, photo.Height);
        int width = (int)Math.Round(photo.Width * scale);
        int height = (int)Math.Round(photo.Height * scale);
        using Mat small = new();
        Cv2.Resize(photo, small, new Size(width, height), 0, 0, InterpolationFlags.Area);

        using Mat mask = new(height, width, MatType.CV_8UC1, Scalar.All(0));
        using Mat background = new();
        using Mat foreground = new();
        int marginX = (int)Math.Round(width * 0.05);
        int marginY = (int)Math.Round(height * 0.05);
        Rect rect = new(marginX, marginY, width - (2 * marginX), height - (2 * marginY));
        Cv2.GrabCut(small, mask, rect, background, foreground, iterations, GrabCutModes.InitWithRect);

        byte[] values = new byte[width * height];
        mask.GetArray(out byte[] labels);
        for (int i = 0; i < values.Length; i++)
        {
            // 1 = certain foreground, 3 = probable foreground.
            values[i] = labels[i] is 1 or 3 ? (byte)1 : (byte)0;
        }

        MaskPostProcessing.KeepLargestComponent(values, width, height);
        MaskPostProcessing.FillHoles(values, width, height);

        return (values, width, height);
    }
}
