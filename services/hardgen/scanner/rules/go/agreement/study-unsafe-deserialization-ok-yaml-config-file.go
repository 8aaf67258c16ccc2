// hardgen-expect: none
// hardgen-near-miss: go/study/unsafe-deserialization
package main

import (
	"log"
	"net/http"
	"os"

	"gopkg.in/yaml.v3"
)

var settings map[string]interface{}

// The generic map is filled from the server's own configuration file at start-up.
func loadSettings() {
	data, err := os.ReadFile("config.yaml")
	if err != nil {
		log.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &settings); err != nil {
		log.Fatal(err)
	}
}

func info(w http.ResponseWriter, r *http.Request) {
	name, _ := settings["name"].(string)
	w.Write([]byte(name))
}

func main() {
	loadSettings()
	http.HandleFunc("/info", info)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
