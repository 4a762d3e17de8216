using System.Globalization;

namespace FashionListing.LoadTest;

/// <summary>The command's options, e.g. <c>--sellers 1,8,32 --photos-per-seller 3</c>.</summary>
internal sealed record LoadTestSettings(
    IReadOnlyList<int> SellerCounts,
    int PhotosPerSeller,
    string PhotosFolder,
    string AppPath,
    string Chromium,
    string? OutPath,
    IReadOnlyDictionary<string, string> AppSettings,
    TimeSpan StepTimeout)
{
    public const string Usage =
        "Usage: FashionListing.LoadTest [--sellers 1,8,32] [--photos-per-seller 3] "
        + "[--photos ../shared/clothing-dataset] [--app FashionListing.Web/bin/Release/net10.0/FashionListing.Web.dll] "
        + "[--chromium /usr/bin/chromium] [--out report.md] [--step-timeout-seconds 300] "
        + "[--setting SuggestionQueue:MaxWaiting=8 ...]";

    /// <summary>Reads the options; relative paths are taken from the current folder (the repository root).</summary>
    public static LoadTestSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        List<int> sellers = [1, 8, 32];
        int photos = 3;
        string photosFolder = Path.Combine("..", "shared", "clothing-dataset");
        string app = Path.Combine("FashionListing.Web", "bin", "Release", "net10.0", "FashionListing.Web.dll");
        string chromium = "/usr/bin/chromium";
        string? output = null;
        int stepTimeout = 300;
        Dictionary<string, string> settings = new(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"The option {name} needs a value. {Usage}");
            }

            string value = args[++i];
            switch (name)
            {
                case "--sellers":
                    sellers = [.. value.Split(',').Select(v => PositiveNumber(name, v))];
                    break;
                case "--photos-per-seller":
                    photos = PositiveNumber(name, value);
                    break;
                case "--photos":
                    photosFolder = value;
                    break;
                case "--app":
                    app = value;
                    break;
                case "--chromium":
                    chromium = value;
                    break;
                case "--out":
                    output = value;
                    break;
                case "--step-timeout-seconds":
                    stepTimeout = PositiveNumber(name, value);
                    break;
                case "--setting":
                    int equals = value.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new ArgumentException($"--setting takes Section:Name=value; it was \"{value}\".");
                    }

                    settings[value[..equals]] = value[(equals + 1)..];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}. {Usage}");
            }
        }

        return new LoadTestSettings(
            sellers,
            photos,
            Path.GetFullPath(photosFolder),
            Path.GetFullPath(app),
            chromium,
            output,
            settings,
            TimeSpan.FromSeconds(stepTimeout));
    }

    private static int PositiveNumber(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
            ? number
            : throw new ArgumentException($"{option} takes positive whole numbers; it was \"{value}\".");
}
