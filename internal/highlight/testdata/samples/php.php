<?php
declare(strict_types=1);

namespace App\Docs;

use App\Models\Page;

/**
 * Uploads a file. Commentaire : envoie un fichier.
 */
#[Attribute(Attribute::TARGET_CLASS)]
final class Uploader extends Base implements \Countable
{
    const RETRIES = 3;
    private array $sizes = [];

    public function __construct(private string $bucket = 'docs') {}

    public function upload(string $path, int $retries = self::RETRIES): ?Page
    {
        // read the file
        $data = file_get_contents($path);
        for ($i = 0; $i < $retries; $i++) {
            if ($data === false || strlen($data) == 0) {
                throw new \RuntimeException("empty file: {$path} ($i)\n");
            }
        }
        $ratio = 2.5e-3 + 0x1F;
        echo "Uploaded $path to {$this->bucket}", PHP_EOL;
        return new Page(['path' => $path, 'size' => strlen($data)]);
    }

    public function count(): int { return count($this->sizes); }
}

$u = new Uploader();
$fn = function ($x) use ($u) { return $u->upload($x); };
print_r($fn($argv[1] ?? 'README.md'));
