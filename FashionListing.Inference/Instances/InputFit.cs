using FashionListing.Inference.Models;
using SkiaSharp;

namespace FashionListing.Inference.Instances;

/// <summary>
/// How a photo was fitted into the model's input: the photo is drawn into <see cref="ContentRect"/> of the
/// input, so an input pixel coordinate is <c>PadLeft + photoX * ScaleX</c> (and likewise for y).
/// </summary>
/// <remarks>
/// Coordinates are continuous: pixel <c>i</c> covers <c>[i, i + 1)</c>, so its centre is at <c>i + 0.5</c>.
/// </remarks>
/// <param name="PhotoWidth">The photo's width in pixels.</param>
/// <param name="PhotoHeight">The photo's height in pixels.</param>
/// <param name="InputWidth">The model input's width in pixels.</param>
/// <param name="InputHeight">The model input's height in pixels.</param>
/// <param name="ScaleX">Input pixels per photo pixel across.</param>
/// <param name="ScaleY">Input pixels per photo pixel down.</param>
/// <param name="PadLeft">Input pixels of padding left of the photo.</param>
/// <param name="PadTop">Input pixels of padding above the photo.</param>
public sealed record InputFit(
    int PhotoWidth,
    int PhotoHeight,
    int InputWidth,
    int InputHeight,
    double ScaleX,
    double ScaleY,
    double PadLeft,
    double PadTop)
{
    /// <summary>
    /// The input rectangle the photo is drawn into, in whole input pixels: the whole input when stretched, the
    /// centred scaled photo when letterboxed. The preprocessing draws the photo exactly here.
    /// </summary>
    public SKRectI ContentRect => SKRectI.Create(
        (int)Math.Round(PadLeft, MidpointRounding.AwayFromZero),
        (int)Math.Round(PadTop, MidpointRounding.AwayFromZero),
        (int)Math.Round(PhotoWidth * ScaleX, MidpointRounding.AwayFromZero),
        (int)Math.Round(PhotoHeight * ScaleY, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Describes how a photo of the given size fits an input of the given size.
    /// </summary>
    /// <remarks>
    /// Stretch scales each axis on its own, without padding. Letterbox scales both axes by
    /// <c>min(inputWidth / photoWidth, inputHeight / photoHeight)</c>, rounds the scaled photo to whole pixels
    /// and centres it (the odd pixel of padding goes right or below). The scales recorded are the content
    /// rectangle's size over the photo's, so they differ from the single scale by that rounding (less than half
    /// a pixel over the photo) and map the photo exactly onto the rectangle it was drawn into.
    /// </remarks>
    /// <param name="mode">Stretch or letterbox.</param>
    /// <param name="photoWidth">The photo's width in pixels.</param>
    /// <param name="photoHeight">The photo's height in pixels.</param>
    /// <param name="inputWidth">The model input's width in pixels.</param>
    /// <param name="inputHeight">The model input's height in pixels.</param>
    public static InputFit Create(ResizeMode mode, int photoWidth, int photoHeight, int inputWidth, int inputHeight)
    {
        CheckPositive(photoWidth, nameof(photoWidth));
        CheckPositive(photoHeight, nameof(photoHeight));
        CheckPositive(inputWidth, nameof(inputWidth));
        CheckPositive(inputHeight, nameof(inputHeight));
        switch (mode)
        {
            case ResizeMode.Stretch:
                return new InputFit(photoWidth, photoHeight, inputWidth, inputHeight,
                    (double)inputWidth / photoWidth, (double)inputHeight / photoHeight, 0, 0);

            case ResizeMode.Letterbox:
                double scale = Math.Min((double)inputWidth / photoWidth, (double)inputHeight / photoHeight);
                int contentWidth = Math.Clamp(
                    (int)Math.Round(photoWidth * scale, MidpointRounding.AwayFromZero), 1, inputWidth);
                int contentHeight = Math.Clamp(
                    (int)Math.Round(photoHeight * scale, MidpointRounding.AwayFromZero), 1, inputHeight);

                return new InputFit(photoWidth, photoHeight, inputWidth, inputHeight,
                    (double)contentWidth / photoWidth, (double)contentHeight / photoHeight,
                    (inputWidth - contentWidth) / 2, (inputHeight - contentHeight) / 2);

            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Resize mode {mode} is not known.");
        }
    }

    /// <summary>The input x coordinate of a photo x coordinate.</summary>
    /// <param name="photoX">A continuous photo coordinate (a pixel's centre is at its index + 0.5).</param>
    public double InputX(double photoX) => PadLeft + (photoX * ScaleX);

    /// <summary>The input y coordinate of a photo y coordinate.</summary>
    /// <param name="photoY">A continuous photo coordinate (a pixel's centre is at its index + 0.5).</param>
    public double InputY(double photoY) => PadTop + (photoY * ScaleY);

    /// <summary>The photo x coordinate of an input x coordinate (outside the photo in the padding).</summary>
    /// <param name="inputX">A continuous input coordinate.</param>
    public double PhotoX(double inputX) => (inputX - PadLeft) / ScaleX;

    /// <summary>The photo y coordinate of an input y coordinate (outside the photo in the padding).</summary>
    /// <param name="inputY">A continuous input coordinate.</param>
    public double PhotoY(double inputY) => (inputY - PadTop) / ScaleY;

    private static void CheckPositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; it must be at least 1.");
        }
    }
}
