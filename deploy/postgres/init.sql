-- First start of the postgres container (docker-compose.yml): the image
-- creates role "tenure" and database "tenure" (dev) from its environment;
-- the test environment gets its own database. ./tenure does the same for its
-- local cluster in deploy/scripts/postgres.sh.
CREATE DATABASE tenure_test OWNER tenure ENCODING 'UTF8';
