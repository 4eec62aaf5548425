-- Run once by the MySQL image on an empty data directory, as root. MYSQL_USER has created the
-- `medichain` account; this creates the global database and two shards (the character set and
-- collation the test suite uses) and grants the account each of them. A later shard is created and
-- granted the same way, then registered with `medichain shards add`.
CREATE DATABASE IF NOT EXISTS `medichain_global` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `medichain_shard1` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `medichain_shard2` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON `medichain_global`.* TO 'medichain'@'%';
GRANT ALL PRIVILEGES ON `medichain_shard1`.* TO 'medichain'@'%';
GRANT ALL PRIVILEGES ON `medichain_shard2`.* TO 'medichain'@'%';
