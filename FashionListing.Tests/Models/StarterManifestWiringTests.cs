using System.Text.Json;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Models;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Tests.Models;

/// <summary>The starter's components built from the file names of its manifest rather than fixed ones.</summary>
public sealed class StarterManifestWiringTests
{
    private static readonly string s_starterFolder = Path.Combine(AppContext.BaseDirectory, "models", "starter");

    [Fact]
    public void Components_FromStarterManifestInAnotherFolderLayout_LoadTheNamedFiles()
    {
        // The same files under other names in a sub-folder: only the manifest says where they are.
        string folder = Path.Combine(Path.GetTempPath(), "starter-renamed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "heads"));
        try
        {
            Copy("mask-head.bin", folder, "heads/mask.bin");
            Copy("category-head.onnx", folder, "heads/category.onnx");
            Copy("category-labels.json", folder, "labels.json");
            Copy("label-map.json", folder, "map.json");
            Copy(FashionpediaTaxonomy.FileName, folder, "taxonomy.json");
            File.WriteAllText(Path.Combine(folder, "model.json"), """
                {
                  "format": 1, "layout": "starter", "taxonomy": "taxonomy.json",
                  "starter": { "maskHead": "heads/mask.bin", "categoryHead": "heads/category.onnx",
                               "categoryLabels": "labels.json", "labelMap": "map.json" }
                }
                """);
            using JsonDocument report = JsonDocument.Parse(
                File.ReadAllText(Path.Combine(s_starterFolder, "category-report.json")));
            int labelCount = report.RootElement.GetProperty("Labels").GetArrayLength();
            IOptions<InferenceOptions> options = Options.Create(new InferenceOptions
            {
                ExecutionProvider = ExecutionProviderChoice.Cpu,
            });
            using ResNet18Backbone backbone = ResNet18BackboneTests.CreateBackbone();

            LoadedModelManifest manifest = ModelManifestLoader.Load(folder);
            StarterModelPaths files = manifest.Starter!;
            HeadGarmentSegmenter segmenter = new(
                files.MaskHead, backbone, NullLogger<HeadGarmentSegmenter>.Instance, MaskRefinement.Default);
            using CategoryClassifier classifier = new(
                files.CategoryHead,
                files.CategoryLabels,
                new OnnxSessionFactory(options, NullLogger<OnnxSessionFactory>.Instance),
                backbone,
                NullLogger<CategoryClassifier>.Instance);
            StarterLabelMap labelMap = StarterLabelMap.Load(files.LabelMap, manifest.Taxonomy);
            HeadGarmentSegmenter committed = new(
                Options.Create(new InferenceOptions { ModelFolder = s_starterFolder }),
                backbone,
                NullLogger<HeadGarmentSegmenter>.Instance);
            using SKBitmap photo = GarmentOnFloor();

            Assert.Equal(labelCount, classifier.Labels.Count);
            Assert.Equal(labelCount, labelMap.Labels.Count);
            Assert.Equal(committed.Segment(photo).Pixels, segmenter.Segment(photo).Pixels);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SKBitmap GarmentOnFloor()
    {
        SKBitmap bitmap = new(new SKImageInfo(240, 320, SKColorType.Rgba8888, SKAlphaType.Premul));
        using SKCanvas canvas = new(bitmap);
        canvas.Clear(new SKColor(225, 220, 210));
        using SKPaint paint = new() { Color = new SKColor(40, 50, 90) };
        canvas.DrawRect(new SKRect(50, 50, 190, 270), paint);

        return bitmap;
    }

    private static void Copy(string file, string folder, string name) =>
        File.Copy(Path.Combine(s_starterFolder, file), Path.Combine(folder, name));
}
