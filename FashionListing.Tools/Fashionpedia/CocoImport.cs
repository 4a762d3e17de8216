using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FashionListing.Inference.Taxonomy;
using SkiaSharp;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>One imported object, with the areas that let a reader judge the rasterisation.</summary>
/// <param name="ImageId">The photo's id.</param>
/// <param name="AnnotationId">The COCO annotation id.</param>
/// <param name="Category">The final taxonomy's category name.</param>
/// <param name="CocoArea">The annotation's own <c>area</c>.</param>
/// <param name="PolygonArea">The polygons' shoelace area.</param>
/// <param name="MaskArea">The number of pixels of the rasterised mask.</param>
public sealed record ImportedInstance(
    string ImageId,
    long AnnotationId,
    string Category,
    double CocoArea,
    double PolygonArea,
    long MaskArea);

/// <summary>What a COCO import kept and dropped.</summary>
/// <param name="Samples">The imported photos with their objects, in the COCO file's order.</param>
/// <param name="Instances">Each imported object.</param>
/// <param name="DroppedCategories">Categories of the COCO file with no final category of the same name, with
/// the number of objects dropped for each (0 when the file has no object of that category).</param>
/// <param name="DroppedAttributes">Attributes of the COCO file with no final attribute of the same name, with
/// the number of times they were dropped from an object.</param>
/// <param name="SkippedAnnotations">Annotations not imported and why (e.g. not polygons).</param>
/// <param name="PhotoFiles">The photo file name of each imported ImageId.</param>
public sealed record CocoImportResult(
    IReadOnlyList<FashionpediaSample> Samples,
    IReadOnlyList<ImportedInstance> Instances,
    IReadOnlyDictionary<string, int> DroppedCategories,
    IReadOnlyDictionary<string, int> DroppedAttributes,
    IReadOnlyList<string> SkippedAnnotations,
    IReadOnlyDictionary<string, string> PhotoFiles);

/// <summary>
/// Imports a COCO-style Fashionpedia file (polygon segmentations, <c>attribute_ids</c>, its own categories and
/// attributes) into train.csv samples of the final taxonomy, matching categories and attributes by name.
/// </summary>
/// <remarks>
/// Polygons are filled by <see cref="PolygonRasterizer"/> in the size the COCO file gives for the photo, which is
/// checked against the photo file. Annotations stored as COCO RLE instead of polygons (crowd regions) are skipped
/// and listed in the result, as the Fashionpedia files use polygons for garments; so are polygons of fewer than
/// three points.
/// </remarks>
public static class CocoImport
{
    /// <summary>The name of the import report written beside train.csv.</summary>
    public const string ReportFileName = "import-report.md";

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads and converts a COCO file.</summary>
    /// <param name="cocoPath">The COCO JSON file.</param>
    /// <param name="imagesFolder">The folder of the photos the file names; each photo's size is checked.</param>
    /// <param name="taxonomy">The final taxonomy the ids are mapped to.</param>
    /// <exception cref="FileNotFoundException">The file or a photo does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not COCO JSON, a photo's size differs from the file's,
    /// or an annotation names an unknown photo.</exception>
    public static CocoImportResult Convert(string cocoPath, string imagesFolder, FashionpediaTaxonomy taxonomy)
    {
        ArgumentException.ThrowIfNullOrEmpty(cocoPath);
        ArgumentException.ThrowIfNullOrEmpty(imagesFolder);
        ArgumentNullException.ThrowIfNull(taxonomy);
        CocoFile coco = ReadCoco(cocoPath);

        IReadOnlyList<CocoLabel> cocoCategories = coco.Categories!;
        IReadOnlyList<CocoLabel> cocoAttributes = coco.Attributes ?? [];
        Dictionary<long, string> categoryNames = cocoCategories.ToDictionary(c => c.Id, c => c.Name);
        Dictionary<long, string> attributeNames = cocoAttributes.ToDictionary(a => a.Id, a => a.Name);
        SortedDictionary<string, int> droppedCategories = new(StringComparer.Ordinal);
        SortedDictionary<string, int> droppedAttributes = new(StringComparer.Ordinal);
        foreach (CocoLabel category in cocoCategories.Where(c => !taxonomy.TryGetCategory(c.Name, out _)))
        {
            droppedCategories[category.Name] = 0;
        }

        Dictionary<long, CocoImage> images = [];
        Dictionary<long, List<FashionpediaInstance>> byImage = [];
        Dictionary<string, string> photoFiles = new(StringComparer.Ordinal);
        foreach (CocoImage image in coco.Images!)
        {
            CheckPhoto(image, imagesFolder, cocoPath);
            string imageId = Path.GetFileNameWithoutExtension(image.FileName);
            if (!images.TryAdd(image.Id, image) || !photoFiles.TryAdd(imageId, image.FileName))
            {
                throw new InvalidDataException(
                    $"{cocoPath} lists image id {image.Id} or photo {imageId} more than once.");
            }

            byImage[image.Id] = [];
        }

        List<ImportedInstance> imported = [];
        List<string> skipped = [];
        foreach (CocoAnnotation annotation in coco.Annotations!)
        {
            if (!images.TryGetValue(annotation.ImageId, out CocoImage? image))
            {
                throw new InvalidDataException(
                    $"{cocoPath}: annotation {annotation.Id} names image {annotation.ImageId}, which the file does "
                    + "not list.");
            }

            string imageId = Path.GetFileNameWithoutExtension(image.FileName);
            string categoryName = categoryNames.TryGetValue(annotation.CategoryId, out string? n)
                ? n
                : throw new InvalidDataException(
                    $"{cocoPath}: annotation {annotation.Id} has category id {annotation.CategoryId}, which the "
                    + "file does not list.");
            if (!taxonomy.TryGetCategory(categoryName, out FashionpediaCategory? category))
            {
                droppedCategories[categoryName] = droppedCategories.GetValueOrDefault(categoryName) + 1;
                continue;
            }

            List<IReadOnlyList<double>>? polygons = Polygons(annotation.Segmentation);
            if (polygons is null)
            {
                skipped.Add($"annotation {annotation.Id} of {imageId}: segmentation is not a list of polygons");
                continue;
            }

            // A polygon of fewer than three points covers no pixel; it is left out rather than failing the import.
            int degenerate = polygons.RemoveAll(p => p.Count < 6 || p.Count % 2 != 0);
            if (degenerate > 0)
            {
                skipped.Add($"annotation {annotation.Id} of {imageId}: {degenerate} polygon(s) of fewer than three "
                    + "points left out" + (polygons.Count == 0 ? ", so the annotation was skipped" : string.Empty));
            }

            if (polygons.Count == 0)
            {
                continue;
            }

            List<int> attributes = [];
            foreach (long draftId in annotation.AttributeIds ?? [])
            {
                string name = attributeNames.TryGetValue(draftId, out string? a)
                    ? a
                    : throw new InvalidDataException(
                        $"{cocoPath}: annotation {annotation.Id} has attribute id {draftId}, which the file does "
                        + "not list.");
                if (taxonomy.TryGetAttribute(name, out FashionpediaAttributeDefinition? attribute))
                {
                    attributes.Add(attribute.Id);
                }
                else
                {
                    droppedAttributes[name] = droppedAttributes.GetValueOrDefault(name) + 1;
                }
            }

            byte[] mask = PolygonRasterizer.Fill(polygons, image.Width, image.Height);
            byImage[image.Id].Add(new FashionpediaInstance(
                category.Id, attributes, KaggleRle.Encode(mask, image.Height, image.Width)));
            imported.Add(new ImportedInstance(imageId, annotation.Id, category.Name, annotation.Area,
                PolygonRasterizer.Area(polygons), mask.Count(v => v != 0)));
        }

        List<FashionpediaSample> samples = [.. coco.Images!
            .Where(i => byImage[i.Id].Count > 0)
            .Select(i => new FashionpediaSample(
                Path.GetFileNameWithoutExtension(i.FileName), i.Height, i.Width, byImage[i.Id]))];

        Dictionary<string, string> kept = samples.ToDictionary(
            s => s.ImageId, s => photoFiles[s.ImageId], StringComparer.Ordinal);

        return new CocoImportResult(samples, imported, droppedCategories, droppedAttributes, skipped, kept);
    }

    /// <summary>Converts a COCO file and writes train.csv, the photos (copied into <c>images/</c>) and
    /// <see cref="ReportFileName"/> into <paramref name="outFolder"/>.</summary>
    public static CocoImportResult Import(
        string cocoPath,
        string imagesFolder,
        FashionpediaTaxonomy taxonomy,
        string taxonomyName,
        string outFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(outFolder);
        CocoImportResult result = Convert(cocoPath, imagesFolder, taxonomy);
        string photos = Path.Combine(outFolder, "images");
        Directory.CreateDirectory(photos);

        KaggleTrainCsv.Write(Path.Combine(outFolder, "train.csv"), result.Samples);
        foreach (FashionpediaSample sample in result.Samples)
        {
            // The shared photos are read-only and a copy keeps their mode, so a second import into the same
            // folder could not overwrite its own copies without making them writable first.
            string file = result.PhotoFiles[sample.ImageId];
            string target = Path.Combine(photos, file);
            if (File.Exists(target))
            {
                File.SetAttributes(target, FileAttributes.Normal);
            }

            File.Copy(Path.Combine(imagesFolder, file), target, overwrite: true);
            File.SetAttributes(target, FileAttributes.Normal);
        }

        File.WriteAllText(Path.Combine(outFolder, ReportFileName), Report(result, cocoPath, taxonomyName));

        return result;
    }

    /// <summary>The import report in Markdown.</summary>
    public static string Report(CocoImportResult result, string cocoPath, string taxonomyName)
    {
        ArgumentNullException.ThrowIfNull(result);
        CultureInfo inv = CultureInfo.InvariantCulture;
        StringBuilder md = new();
        md.AppendLine("# COCO import").AppendLine();
        md.AppendLine(inv, $"- Source: `{Path.GetFileName(cocoPath)}`; taxonomy: `{taxonomyName}`, matched by name.");
        md.AppendLine(inv, $"- Photos: {result.Samples.Count}; objects imported: {result.Instances.Count}.");
        md.AppendLine("- Masks: each polygon filled with the even-odd rule, no anti-aliasing (a pixel is set when "
            + "its centre is inside), polygons of one object joined.");
        md.AppendLine(inv, $"- Categories without a match (objects dropped): {Listing(result.DroppedCategories)}.");
        md.AppendLine(inv, $"- Attributes without a match (times dropped): {Listing(result.DroppedAttributes)}.");
        md.AppendLine(inv, $"- Annotations skipped: {(result.SkippedAnnotations.Count == 0 ? "none"
            : string.Join("; ", result.SkippedAnnotations))}.");
        md.AppendLine();
        md.AppendLine("| Photo | Annotation | Category | COCO area | Polygon area | Mask pixels | Mask / COCO |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (ImportedInstance i in result.Instances)
        {
            md.AppendLine(inv, $"| {i.ImageId} | {i.AnnotationId} | {i.Category} | {i.CocoArea:0.#} | "
                + $"{i.PolygonArea:0.#} | {i.MaskArea} | {(i.CocoArea > 0 ? i.MaskArea / i.CocoArea : 0):0.000} |");
        }

        return md.ToString();
    }

    private static string Listing(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"\"{c.Key}\" ({c.Value})"));

    private static CocoFile ReadCoco(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The COCO file {path} does not exist.", path);
        }

        CocoFile? file;
        try
        {
            using FileStream stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<CocoFile>(stream, s_json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not valid COCO JSON: {exception.Message}", exception);
        }

        if (file?.Images is null || file.Annotations is null || file.Categories is null)
        {
            throw new InvalidDataException($"{path} lacks an \"images\", \"annotations\" or \"categories\" array.");
        }

        if (file.Images.Any(i => string.IsNullOrEmpty(i.FileName))
            || file.Categories.Any(c => string.IsNullOrEmpty(c.Name))
            || (file.Attributes?.Any(a => string.IsNullOrEmpty(a.Name)) ?? false))
        {
            throw new InvalidDataException($"{path} has an image without \"file_name\" or a label without \"name\".");
        }

        return file;
    }

    private static void CheckPhoto(CocoImage image, string imagesFolder, string cocoPath)
    {
        string path = Path.Combine(imagesFolder, image.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{cocoPath} lists photo {image.FileName}, which is not in {imagesFolder}.", path);
        }

        using SKCodec? codec = SKCodec.Create(path);
        if (codec is null)
        {
            throw new InvalidDataException($"{path} is not a photo SkiaSharp can read.");
        }

        if (codec.Info.Width != image.Width || codec.Info.Height != image.Height)
        {
            throw new InvalidDataException(
                $"{cocoPath} gives photo {image.FileName} as {image.Width} x {image.Height} (width x height); the "
                + $"file is {codec.Info.Width} x {codec.Info.Height}.");
        }
    }

    private static List<IReadOnlyList<double>>? Polygons(JsonElement segmentation)
    {
        if (segmentation.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        List<IReadOnlyList<double>> polygons = [];
        foreach (JsonElement polygon in segmentation.EnumerateArray())
        {
            if (polygon.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            if (polygon.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            {
                return null;
            }

            polygons.Add([.. polygon.EnumerateArray().Select(v => v.GetDouble())]);
        }

        return polygons;
    }

    private sealed record CocoFile(
        [property: JsonPropertyName("images")] IReadOnlyList<CocoImage>? Images,
        [property: JsonPropertyName("annotations")] IReadOnlyList<CocoAnnotation>? Annotations,
        [property: JsonPropertyName("categories")] IReadOnlyList<CocoLabel>? Categories,
        [property: JsonPropertyName("attributes")] IReadOnlyList<CocoLabel>? Attributes);

    private sealed record CocoImage(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("width")] int Width,
        [property: JsonPropertyName("height")] int Height,
        [property: JsonPropertyName("file_name")] string FileName);

    private sealed record CocoAnnotation(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("image_id")] long ImageId,
        [property: JsonPropertyName("category_id")] long CategoryId,
        [property: JsonPropertyName("attribute_ids")] IReadOnlyList<long>? AttributeIds,
        [property: JsonPropertyName("segmentation")] JsonElement Segmentation,
        [property: JsonPropertyName("area")] double Area);

    private sealed record CocoLabel(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("name")] string Name);
}
