using System.Buffers.Binary;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

/// <summary>
/// Files that are not photos, not photos we read, damaged or too big: each gets a sentence the seller can act
/// on, judged by the bytes alone (the name and the type the browser claims never reach the decoder).
/// </summary>
public sealed class HostilePhotoTests
{
    private const string HeicMessage =
        "This is a HEIC photo, the format iPhones save by default, which this site cannot read. Please upload it "
        + "as a JPEG: share or export it as JPEG, or on the iPhone choose Settings > Camera > Formats > "
        + "Most Compatible so that new photos are saved as JPEG.";

    private const string AvifMessage =
        "This is an AVIF image, which this site cannot read. Please save or export it as a JPEG and upload that.";

    private const string CorruptMessage = "The photo could not be read; the file may be damaged.";

    private readonly PhotoDecoder _decoder = TestImages.Decoder();

    public static TheoryData<string> HeifBrands => new("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1");

    [Theory]
    [MemberData(nameof(HeifBrands))]
    public void TryDecode_HeifByItsMajorBrand_AsksForAJpegTheIphoneWay(string brand)
    {
        byte[] file = HandBuiltImages.Ftyp(brand, "mif1", brand);

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(new PhotoRejected(PhotoRejectionReason.UnsupportedType, HeicMessage), rejection);
    }

    [Fact]
    public void TryDecode_IphoneHeicWithMif1MajorAndHeicCompatible_IsHeic()
    {
        // iPhones write major brand "heic"; some converters write "mif1" and list "heic" as compatible.
        byte[] file = HandBuiltImages.Ftyp("mif1", "miaf", "heic");

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(HeicMessage, rejection.Message);
    }

    [Theory]
    [InlineData("avif")]
    [InlineData("avis")]
    public void TryDecode_AvifByItsMajorBrand_AsksForAJpegInItsOwnWords(string brand)
    {
        byte[] file = HandBuiltImages.Ftyp(brand, "mif1", "miaf", "MA1B");

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(new PhotoRejected(PhotoRejectionReason.UnsupportedType, AvifMessage), rejection);
    }

    [Fact]
    public void TryDecode_Mif1MajorWithAvifCompatible_IsAvifNotHeic()
    {
        byte[] file = HandBuiltImages.Ftyp("mif1", "miaf", "avif");

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(AvifMessage, rejection.Message);
    }

    [Fact]
    public void TryDecode_Mp4VideoFtyp_NotMistakenForHeic()
    {
        byte[] file = HandBuiltImages.Ftyp("isom", "isom", "iso2", "mp41");

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(PhotoRejectionReason.UnsupportedType, rejection.Reason);
        Assert.DoesNotContain("HEIC", rejection.Message, StringComparison.Ordinal);
        Assert.Equal("This file is not a JPEG, PNG, WebP or GIF photo.", rejection.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryDecode_TiffInEitherByteOrder_AsksForAJpeg(bool bigEndian)
    {
        byte[] file = HandBuiltImages.Tiff(bigEndian);

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(
            new PhotoRejected(
                PhotoRejectionReason.UnsupportedType,
                "This is a TIFF image, which this site cannot read. Please save or export it as a JPEG and upload "
                    + "that."),
            rejection);
    }

    [Fact]
    public void TryDecode_Pdf_SaysItIsADocumentNotAPhoto()
    {
        PhotoRejected rejection = Rejected(HandBuiltImages.Pdf());

        Assert.Equal(
            new PhotoRejected(
                PhotoRejectionReason.UnsupportedType,
                "This is a PDF document, not a photo. Please upload a photo of the garment (JPEG, PNG, WebP or GIF)."),
            rejection);
    }

    [Fact]
    public void TryDecode_SvgWithAScript_RefusedAsADrawing()
    {
        PhotoRejected rejection = Rejected(HandBuiltImages.SvgWithScript());

        Assert.Equal(
            new PhotoRejected(
                PhotoRejectionReason.UnsupportedType,
                "This is an SVG drawing, not a photo. Please upload a photo of the garment (JPEG, PNG, WebP or GIF)."),
            rejection);
    }

    [Fact]
    public void TryDecode_SvgAfterAByteOrderMarkAndBlankLines_StillRecognised()
    {
        byte[] file = [0xEF, 0xBB, 0xBF, .. "\r\n\n  <svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8];

        PhotoRejected rejection = Rejected(file);

        Assert.StartsWith("This is an SVG drawing", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_PlainTextNamedJpg_SaysWhichFormatsWork()
    {
        PhotoRejected rejection = Rejected("Size M, blue, worn twice. Collection only."u8.ToArray());

        Assert.Equal(
            new PhotoRejected(PhotoRejectionReason.UnsupportedType, "This file is not a JPEG, PNG, WebP or GIF photo."),
            rejection);
    }

    [Fact]
    public void TryDecode_PngWithABadIdatCrc_RejectedAsDamaged()
    {
        using SKBitmap scene = GarmentScene.Draw(64, 48, new SKRectI(16, 8, 48, 40));
        byte[] file = TestImages.Png(scene);
        int idat = file.AsSpan().IndexOf("IDAT"u8);
        int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(idat - 4));
        file[idat + 4 + length] ^= 0x5A; // the first byte of the chunk's CRC

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(new PhotoRejected(PhotoRejectionReason.Corrupt, CorruptMessage), rejection);
    }

    [Fact]
    public void TryDecode_JpegWithGarbageAfterTheEndMarker_DecodesAsIfItWereNotThere()
    {
        byte[] clean = TestImages.QuadrantJpeg(64, 48);
        byte[] file = [.. clean, .. "trailing bytes a phone app appended"u8, 0xFF, 0xD8, 0x00, 0x13, 0x37];

        bool decoded = _decoder.TryDecode(file, out DecodedPhoto? photo, out PhotoRejected? rejection);

        Assert.True(decoded, rejection?.Message);
        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal((64, 48), (photo.Width, photo.Height));
            SKColor[] corners = TestImages.Corners(photo.Bitmap);
            TestImages.AssertColour(TestImages.Red, corners[0], "top-left");
            TestImages.AssertColour(TestImages.White, corners[3], "bottom-right");
        }
    }

    [Fact]
    public void TryDecode_JpegCutShortInItsScan_SaysThePhotoIsIncomplete()
    {
        // Skia decodes what is there and fills the rest; the seller is told instead of getting a grey band.
        byte[] whole = TestImages.QuadrantJpeg(256, 256);
        byte[] file = whole[..(whole.Length * 2 / 3)];

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(
            new PhotoRejected(
                PhotoRejectionReason.Corrupt,
                "The photo is incomplete: the file ends before the picture does, perhaps because it was not fully "
                    + "copied or downloaded. Please upload it again, or export it again from where it came from."),
            rejection);
    }

    [Fact]
    public void TryDecode_JpegHeaderClaiming100Megapixels_RejectedFromTheHeaderWithoutDecoding()
    {
        // 10,000 x 10,000 = 100 MP in the frame header; the scan holds one 8x8 block, so a decode could only fail.
        byte[] file = HandBuiltImages.JpegHeaderOnly(10_000, 10_000);
        CapturingLogger<PhotoDecoder> log = new();
        PhotoDecoder decoder = new(Options.Create(new PhotoLimits()), log);

        bool decoded = decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Equal(
            new PhotoRejected(PhotoRejectionReason.TooManyPixels, "The photo is 100 MP; the limit is 50 MP."),
            rejection);
        Assert.DoesNotContain(log.Entries, e => e.Message.StartsWith("Decoding", StringComparison.Ordinal));
        Assert.True(file.Length < 400, $"The test file is {file.Length} bytes.");
    }

    [Fact]
    public void TryDecode_PngHeaderClaiming100Megapixels_RejectedFromTheHeaderWithoutDecoding()
    {
        byte[] file = TestImages.PngHeaderOnly(10_000, 10_000);
        CapturingLogger<PhotoDecoder> log = new();
        PhotoDecoder decoder = new(Options.Create(new PhotoLimits()), log);

        decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.Equal(
            new PhotoRejected(PhotoRejectionReason.TooManyPixels, "The photo is 100 MP; the limit is 50 MP."),
            rejection);
        Assert.DoesNotContain(log.Entries, e => e.Message.StartsWith("Decoding", StringComparison.Ordinal));
    }

    [Fact]
    public void TryDecode_OrdinaryPhoto_LogsTheDecodeItRejectsOthersWithout()
    {
        // The premise of the two tests above: a photo that is decoded does leave the "Decoding" entry.
        CapturingLogger<PhotoDecoder> log = new();
        PhotoDecoder decoder = new(Options.Create(new PhotoLimits()), log);

        decoder.TryDecode(TestImages.QuadrantJpeg(64, 48), out DecodedPhoto? photo, out _);
        photo?.Dispose();

        (LogLevel level, string message) = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Debug, level);
        Assert.Equal("Decoding a 64x48 Jpeg photo at 64x48", message);
    }

    [Fact]
    public void TryDecode_PlainCmykJpegWithoutAdobeMarker_RefusedRatherThanStoredAsANegative()
    {
        using SKBitmap scene = GarmentScene.Draw(64, 64, new SKRectI(16, 16, 48, 48));
        byte[] file = HandBuiltImages.CmykJpeg(scene, adobeInverted: false);

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(
            new PhotoRejected(
                PhotoRejectionReason.UnsupportedType,
                "This JPEG stores print colours (CMYK) without saying how, so its colours cannot be shown "
                    + "correctly. Please save it as an ordinary (RGB) JPEG and upload that."),
            rejection);
    }

    [Fact]
    public void TryDecode_AdobeCmykJpeg_DecodesWithItsColours()
    {
        using SKBitmap scene = GarmentScene.Draw(64, 64, new SKRectI(16, 16, 48, 48));
        byte[] file = HandBuiltImages.CmykJpeg(scene, adobeInverted: true);

        bool decoded = _decoder.TryDecode(file, out DecodedPhoto? photo, out PhotoRejected? rejection);

        Assert.True(decoded, rejection?.Message);
        Assert.NotNull(photo);
        using (photo)
        {
            TestImages.AssertColour(GarmentScene.Floor, photo.Bitmap.GetPixel(4, 4), "floor", 4);
            TestImages.AssertColour(GarmentScene.Garment, photo.Bitmap.GetPixel(32, 32), "garment", 4);
        }
    }

    [Fact]
    public void TryDecode_GifHeaderClaiming100Megapixels_RejectedFromTheHeader()
    {
        // A logical screen of 10,000 x 10,000 holding one 1x1 frame.
        byte[] file = [.. "GIF89a"u8, 0x10, 0x27, 0x10, 0x27, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B];

        PhotoRejected rejection = Rejected(file);

        Assert.Equal(
            new PhotoRejected(PhotoRejectionReason.TooManyPixels, "The photo is 100 MP; the limit is 50 MP."),
            rejection);
    }

    private PhotoRejected Rejected(byte[] file)
    {
        bool decoded = _decoder.TryDecode(file, out DecodedPhoto? photo, out PhotoRejected? rejection);
        photo?.Dispose();

        Assert.False(decoded, "The file was decoded, but a rejection was expected.");
        Assert.NotNull(rejection);

        return rejection;
    }
}
