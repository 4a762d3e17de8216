using System.Globalization;

namespace FashionListing.Tools.Segmentation;

/// <summary>One photo of the clothing dataset.</summary>
/// <param name="Image">File name without extension.</param>
/// <param name="SenderId">Who took it.</param>
/// <param name="Label">Garment class as written in images.csv.</param>
internal sealed record DatasetPhoto(string Image, int SenderId, string Label);

/// <summary>
/// The clothing dataset split for the mask head: the 200 photos with reference masks are kept out of
/// training entirely; the rest is split by sender, one sender in five (by id) held out for validation.
/// </summary>
internal sealed class MaskDataset
{
    private MaskDataset(string root, IReadOnlyList<DatasetPhoto> photos, HashSet<string> referenceImages)
    {
        Root = root;
        Photos = photos;
        ReferenceImages = referenceImages;
        Reference = photos.Where(p => referenceImages.Contains(p.Image)).OrderBy(p => p.Image, StringComparer.Ordinal)
            .ToList();
        List<DatasetPhoto> rest = photos.Where(p => !referenceImages.Contains(p.Image) && p.Label != "Skip").ToList();
        Training = rest.Where(p => !IsValidationSender(p.SenderId)).ToList();
        Validation = rest.Where(p => IsValidationSender(p.SenderId)).ToList();
    }

    /// <summary>The clothing-dataset folder.</summary>
    public string Root { get; }

    public IReadOnlyList<DatasetPhoto> Photos { get; }

    public HashSet<string> ReferenceImages { get; }

    /// <summary>Photos with a reference mask, by name.</summary>
    public IReadOnlyList<DatasetPhoto> Reference { get; }

    /// <summary>Photos of training senders, reference photos excluded.</summary>
    public IReadOnlyList<DatasetPhoto> Training { get; }

    /// <summary>Photos of held-out senders, reference photos excluded.</summary>
    public IReadOnlyList<DatasetPhoto> Validation { get; }

    public static bool IsValidationSender(int senderId) => senderId % 5 == 0;

    public string PhotoPath(string image) => Path.Combine(Root, "images", image + ".jpg");

    public string ReferenceMaskPath(string image) => Path.Combine(Root, "masks", image + ".png");

    /// <summary>A deterministic sample of <paramref name="count"/> photos (seeded shuffle).</summary>
    public static List<DatasetPhoto> Sample(IReadOnlyList<DatasetPhoto> photos, int count, int seed)
    {
        List<DatasetPhoto> ordered = photos.OrderBy(p => p.Image, StringComparer.Ordinal).ToList();
        Random random = new(seed);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ordered));

        return ordered.Take(count).ToList();
    }

    public static MaskDataset Load(string? root)
    {
        string folder = root ?? Locate();
        string csv = Path.Combine(folder, "images.csv");
        if (!File.Exists(csv))
        {
            throw new FileNotFoundException($"{csv} is missing; pass the clothing-dataset folder with --data.", csv);
        }

        List<DatasetPhoto> photos = [];
        foreach (string line in File.ReadLines(csv).Skip(1))
        {
            string[] parts = line.Split(',');
            if (parts.Length >= 3 && File.Exists(Path.Combine(folder, "images", parts[0] + ".jpg")))
            {
                photos.Add(new DatasetPhoto(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]));
            }
        }

        HashSet<string> references = Directory.EnumerateFiles(Path.Combine(folder, "masks"), "*.png")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        return new MaskDataset(folder, photos, references);
    }

    private static string Locate()
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "clothing-dataset");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "No shared/clothing-dataset folder above the current directory; pass it with --data.");
    }
}
