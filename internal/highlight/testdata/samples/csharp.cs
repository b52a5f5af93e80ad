using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Docs.Samples
{
    /// <summary>Uploads a file; comentario: sube un archivo.</summary>
    [Serializable]
    public sealed class Uploader : IDisposable
    {
        private const int Retries = 3;
        private readonly Dictionary<string, List<int>> _sizes = new();
        public string? Bucket { get; init; }

        #region Upload
        public async Task<long> UploadAsync(string path, int retries = Retries)
        {
            // read the file
            var data = await System.IO.File.ReadAllBytesAsync(path);
            for (int i = 0; i < retries; i++)
            {
                if (data.Length == 0 && !string.IsNullOrEmpty(path))
                {
                    throw new ArgumentException($"empty file: {path}", nameof(path));
                }
            }
            double ratio = 2.5e-3 + 0.5f + 0xFF;
            char c = '\n';
            string verbatim = @"C:\docs\""quoted""";
            Console.WriteLine("Uploaded \"{0}\"", path + c + ratio + verbatim);
            return data.LongLength;
        }
        #endregion

        public void Dispose() => Console.WriteLine(null ?? "done");

        public static async Task Main(string[] args)
        {
            using var uploader = new Uploader { Bucket = "docs" };
            /* multi-line
               comment */
            await uploader.UploadAsync(args[0]);
        }
    }
}
